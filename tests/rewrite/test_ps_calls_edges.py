"""ps_calls.py in-process: where a Gen 1 call is in a PowerShell script."""
