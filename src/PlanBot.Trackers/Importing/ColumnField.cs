namespace PlanBot.Trackers.Importing;

/// <summary>What a tracker column means. <see cref="Ignore"/> lets a --map drop a column on purpose.</summary>
public enum ColumnField
{
    Ref,
    Title,
    Team,
    Department,
    Programme,
    Requirement,
    Start,
    Due,
    RevisedDue,
    Status,
    Rag,
    DeliveryOwner,
    AccountableOwner,
    CriticalPath,
    CommitteeSignOff,
    ProgressNote,
    Trend,
    Evidence,

    // Columns of task tools' exports that say a task is done, late, or a parent of the rows beneath.
    PercentComplete,
    CompletedDate,
    Late,
    OutlineLevel,
    IsParent,
    RowType,
    Resolution,

    // Exception report columns.
    ExceptionReason,
    ProposedRevisedDate,

    // Action concern report columns (recognised so the table is not mistaken for milestones).
    Concern,

    Ignore,
}

/// <summary>The kinds of table a tracker file holds that the importer reads.</summary>
public enum TableKind
{
    Milestones,
    ExceptionReport,
    ActionConcernReport,
}
