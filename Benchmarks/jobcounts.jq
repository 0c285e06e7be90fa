# Per-job success/failure counts of a zap JSON log: the jq baseline of Benchmarks/run.sh.
# Run as: jq -n -R -c -f Benchmarks/jobcounts.jq FILE
# -R reads raw lines and `fromjson?` drops the ones that are not JSON (the [GIN] access lines),
# so the whole file is parsed line by line, as an analyzer without a prefilter has to.
reduce (inputs | fromjson? | select(.msg == "Job completed successfully" or .msg == "Job failed")) as $e
  ({}; .[$e.job_name][if $e.msg == "Job failed" then "failure" else "success" end] += 1)
