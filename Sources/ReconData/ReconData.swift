/// ReconData: readers and writers of formats, Data/ loading, the synthetic market.
public enum ReconData {}
