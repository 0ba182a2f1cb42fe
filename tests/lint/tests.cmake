# Lint cases: tests/lint/<finding>/ is a small bundle with one sampling misconfiguration
# (derived from corpora/ by derive_bundles.py) and a golden case of `ovnsim samples` on it
# (cmd, expected.out, expected.rc), run like tests/golden/ cases.
file(GLOB OVNSIM_LINT_CASES LIST_DIRECTORIES true CONFIGURE_DEPENDS ${CMAKE_CURRENT_LIST_DIR}/*)
foreach(case_dir ${OVNSIM_LINT_CASES})
  if(IS_DIRECTORY ${case_dir} AND EXISTS ${case_dir}/cmd)
    get_filename_component(case_name ${case_dir} NAME)
    add_test(NAME lint.${case_name}
      COMMAND ${OVNSIM_TEST_PYTHON} ${CMAKE_CURRENT_LIST_DIR}/../golden/run_golden.py
              --ovnsim ${OVNSIM_CLI} --case ${case_dir} --source-dir ${PROJECT_SOURCE_DIR})
    set_tests_properties(lint.${case_name} PROPERTIES LABELS "lint;cli" SKIP_RETURN_CODE 77)
  endif()
endforeach()
