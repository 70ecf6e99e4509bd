package dev.parley.application.messaging;

import dev.parley.application.commandfile.CommandFileParser;
import dev.parley.application.commandfile.CommandLine;
import dev.parley.shared.api.ParleyCommand;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Parley's target resolver sends every command where Axon's annotation resolver would. */
class AggregateIdTargetResolverTest {

    private static final Path SCENARIO = Path.of("..", "scenarios", "pak-afghan-2025.ndjson");

    /** Lines for the commands the shipped scenario does not use. */
    private static final List<String> MORE = List.of(
            "{\"command\":\"RespondToFramework\",\"negotiationId\":\"talks\",\"frameworkId\":\"fw\",\"party\":\"AFG\",\"response\":\"ACCEPTED\",\"occurredAt\":\"2025-10-19\",\"source\":\"Tolo News\"}",
            "{\"command\":\"DeclareCeasefire\",\"incidentId\":\"inc-1\",\"effectiveFrom\":\"2025-10-19\",\"occurredAt\":\"2025-10-19\",\"source\":\"ISPR\"}",
            "{\"command\":\"ReportViolation\",\"incidentId\":\"inc-1\",\"by\":\"TTP\",\"description\":\"raid\",\"occurredAt\":\"2025-10-20\",\"source\":\"ISPR\"}");

    @Test
    void everyKindOfCommandGoesToTheAggregateItsAnnotatedIdNames() throws IOException {
        CommandFileParser parser = new CommandFileParser();
        List<ParleyCommand> commands = new ArrayList<>();
        List<String> lines = Stream.concat(Files.readAllLines(SCENARIO, StandardCharsets.UTF_8).stream(),
                                           MORE.stream())
                                   .filter(line -> !CommandFileParser.isSkipped(line)).toList();
        for (int index = 0; index < lines.size(); index++) {
            CommandLine parsed = parser.parse(index + 1, lines.get(index));
            commands.add(parsed.command());
        }
        assertThat(commands.stream().map(Object::getClass).distinct()).as("every command class of DOMAIN.md")
                                                                        .hasSize(12);

        AggregateIdTargetResolver resolver = new AggregateIdTargetResolver();
        AnnotationCommandTargetResolver axon = AnnotationCommandTargetResolver.builder().build();
        for (ParleyCommand command : commands) {
            var message = GenericCommandMessage.asCommandMessage(command);
            VersionedAggregateIdentifier ours = resolver.resolveTarget(message);
            VersionedAggregateIdentifier annotated = axon.resolveTarget(message);
            assertThat(ours.getIdentifier()).as("%s", command).isEqualTo(annotated.getIdentifier())
                                            .isEqualTo(command.aggregateId());
            assertThat(ours.getVersion()).as("%s", command).isEqualTo(annotated.getVersion()).isNull();
        }
    }
}
