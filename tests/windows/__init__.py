"""Windows: what can be checked on this (POSIX) machine. The wheel a Windows
build makes (forced here with AMPLIFY_WHEEL_PLATFORM=windows) and what pip
does with its entry points; no real Windows runs these."""
