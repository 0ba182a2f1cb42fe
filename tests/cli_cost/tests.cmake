# End-to-end tests of `ovnsim cost` and `ovnsim whatif`: exit statuses and messages of the
# baseline gate, --predict and bad input (tests/cli_cost/run_cli_cost.py has one function per case).
set(OVNSIM_CLI_COST_CASES
  baseline_unchanged baseline_growth_fails baseline_growth_within_tolerance baseline_bad_file
  predict_equal predict_wrong_release predict_too_old
  whatif_json whatif_bad_selector whatif_sweep_csv)
foreach(case ${OVNSIM_CLI_COST_CASES})
  add_test(NAME cli_cost.${case}
    COMMAND ${OVNSIM_TEST_PYTHON} ${CMAKE_CURRENT_LIST_DIR}/run_cli_cost.py
            --ovnsim ${OVNSIM_CLI} --source-dir ${PROJECT_SOURCE_DIR} --case ${case})
  set_tests_properties(cli_cost.${case} PROPERTIES LABELS "cli;cost" SKIP_RETURN_CODE 77)
endforeach()
