"""Evaluation harness: gold sets, metrics, reports and benchmarks."""
