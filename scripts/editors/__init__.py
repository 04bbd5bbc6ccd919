"""What editors run (`python -m scripts …`, `make check`, `make stamp`, `make new`,
`make status`, `make pr-report`): the command line and its reports."""
