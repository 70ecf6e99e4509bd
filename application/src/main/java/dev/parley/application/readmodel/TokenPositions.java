package dev.parley.application.readmodel;

import dev.parley.projections.schema.Tables.Tokens;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The shared token store as every node sees it: each segment of a processor, how far it got and who holds it. Read
 * with plain SELECTs, so looking never claims a segment.
 */
public final class TokenPositions {

    /**
     * One segment of one processor: its stored position (-1 before the first event) and its owner, if claimed.
     *
     * @param processor the processor's name
     * @param segment the segment's number
     * @param position its stored position, or -1
     * @param owner the node holding its claim, or null
     */
    public record Segment(String processor, int segment, long position, String owner) {
    }

    private final DataSource dataSource;
    private final Serializer serializer;

    /**
     * Token positions read from the store at {@code dataSource}.
     *
     * @param dataSource the store's data source
     * @param serializer the serializer the tokens were stored with
     */
    public TokenPositions(DataSource dataSource, Serializer serializer) {
        this.dataSource = dataSource;
        this.serializer = serializer;
    }

    /** The serializer of the tokens, which writes them as Axon's token store does. */
    Serializer serializer() {
        return serializer;
    }

    /**
     * Every segment of {@code processor}, by segment number; empty before the processor first ran.
     *
     * @param processor the processor's name
     * @return its segments
     */
    public List<Segment> of(String processor) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT " + String.join(", ", Tokens.SEGMENT, Tokens.TOKEN, Tokens.TOKEN_TYPE, Tokens.OWNER)
                             + " FROM " + Tokens.TABLE + " WHERE " + Tokens.PROCESSOR_NAME + " = ? ORDER BY "
                             + Tokens.SEGMENT)) {
            select.setString(1, processor);
            List<Segment> segments = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    segments.add(new Segment(processor, rows.getInt(Tokens.SEGMENT),
                                             position(rows.getBytes(Tokens.TOKEN), rows.getString(Tokens.TOKEN_TYPE)),
                                             rows.getString(Tokens.OWNER)));
                }
            }
            return segments;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the token store: " + e.getMessage(), e);
        }
    }

    private long position(byte[] token, String type) {
        if (token == null || type == null) {
            return -1;
        }
        TrackingToken tracking = serializer.deserialize(new SimpleSerializedObject<>(token, byte[].class, type, null));
        return tracking == null ? -1 : tracking.position().orElse(-1);
    }
}
