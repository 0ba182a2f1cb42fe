# Differential tests against Debian's OVN 23.03 (ovn-central, ovn-common), label "diff":
# each starts its own NB/SB/northd sandbox; they skip (77) when OVN is not installed.
add_test(NAME diff.collect
  COMMAND ${OVNSIM_TEST_PYTHON} ${CMAKE_CURRENT_SOURCE_DIR}/diff/test_collect.py --ovnsim ${OVNSIM_CLI})
add_test(NAME diff.ovn_trace
  COMMAND ${OVNSIM_TEST_PYTHON} ${CMAKE_CURRENT_SOURCE_DIR}/diff/run_diff.py --ovnsim ${OVNSIM_CLI}
          --count 240 --seed 20260326)
set_tests_properties(diff.collect diff.ovn_trace PROPERTIES
  LABELS "diff" SKIP_RETURN_CODE 77 SKIP_REGULAR_EXPRESSION "SKIPPED:")
set_tests_properties(diff.ovn_trace PROPERTIES TIMEOUT 300)
