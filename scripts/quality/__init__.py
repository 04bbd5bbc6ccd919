"""What measures quality: the audit (axe, privacy, weight, Lighthouse), the link crawl,
the benchmarks and the timed stages of `make test`."""
