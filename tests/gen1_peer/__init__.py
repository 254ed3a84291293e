"""Pass-through into the real Amplify Gen 1 CLI (@aws-amplify/cli-internal from npm)."""
