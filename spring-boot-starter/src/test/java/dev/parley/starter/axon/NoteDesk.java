package dev.parley.starter.axon;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The application's own transactional service: its own row and a Parley command in one transaction. */
@Service
public class NoteDesk {

    private final JdbcTemplate jdbc;
    private final CommandGateway commands;

    NoteDesk(JdbcTemplate jdbc, CommandGateway commands) {
        this.jdbc = jdbc;
        this.commands = commands;
    }

    /** Writes the note, sends the command, then fails: nothing of it may stay. */
    @Transactional
    public void noteAndSendThenFail(String note, Object command) {
        jdbc.update("INSERT INTO sample_note (text) VALUES (?)", note);
        commands.sendAndWait(command);
        throw new IllegalStateException("the application changed its mind");
    }
}
