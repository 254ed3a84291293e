"""`amplify-shim rewrite`: Gen 1 command lines in scripts and CI files, rewritten by the planner."""
