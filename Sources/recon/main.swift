import ReconCLI

// The whole command line lives in ReconCLI so that tests can drive it; this only runs it.
ReconCommandLine.main()
