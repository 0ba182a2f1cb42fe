# End-to-end checks of the ovnsim binary (pytest, Debian's python3-pytest).
add_test(NAME cli.bad_input
  COMMAND ${OVNSIM_TEST_PYTHON} -m pytest -q -p no:cacheprovider ${CMAKE_CURRENT_LIST_DIR}/test_bad_input.py)
add_test(NAME cli.stats_parse
  COMMAND ${OVNSIM_TEST_PYTHON} -m pytest -q -p no:cacheprovider ${CMAKE_CURRENT_LIST_DIR}/test_stats_parse.py)
add_test(NAME cli.trace_batch_jobs
  COMMAND ${OVNSIM_TEST_PYTHON} -m pytest -q -p no:cacheprovider ${CMAKE_CURRENT_LIST_DIR}/test_trace_batch_jobs.py)
set_tests_properties(cli.bad_input cli.stats_parse cli.trace_batch_jobs PROPERTIES
  LABELS "cli"
  ENVIRONMENT "OVNSIM=$<TARGET_FILE:ovnsim>;OVNSIM_SOURCE_DIR=${PROJECT_SOURCE_DIR}"
  SKIP_REGULAR_EXPRESSION "SKIPPED:")
