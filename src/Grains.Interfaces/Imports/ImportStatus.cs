namespace Programme.Imports;

public enum ImportStatus { Previewed, Refused, Applied, Failed }
