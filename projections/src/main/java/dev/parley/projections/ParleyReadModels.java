package dev.parley.projections;

import dev.parley.projections.audit.AuditTrailReadModel;
import dev.parley.projections.readmodel.ReadModel;
import dev.parley.projections.status.StatusReadModel;
import dev.parley.projections.timeline.TimelineReadModel;

import java.util.List;

/** The read models Parley always runs; an embedding application may register more beside them. */
public final class ParleyReadModels {

    /** Status, timeline and audit trail, in the order they are reported. */
    public static final List<ReadModel> ALL = List.of(StatusReadModel.DEFINITION, TimelineReadModel.DEFINITION,
                                                      AuditTrailReadModel.DEFINITION);

    private ParleyReadModels() {
    }
}
