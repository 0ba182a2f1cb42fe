# Every ```console example of README.md runs and prints exactly what the README shows.
add_test(NAME readme.examples
  COMMAND ${OVNSIM_TEST_PYTHON} ${CMAKE_CURRENT_LIST_DIR}/check_readme.py
          --readme ${PROJECT_SOURCE_DIR}/README.md --bin-dir $<TARGET_FILE_DIR:ovnsim>)
set_tests_properties(readme.examples PROPERTIES LABELS "cli;readme")
