namespace Programme.Domain;

public enum ProjectStatus { Planned, Underway, Completed, Cancelled }
