/* libFuzzer driver declaration only; the symbol comes from -sanitize=fuzzer. */
