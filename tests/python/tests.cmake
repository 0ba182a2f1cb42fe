# pytest of the Python package (tests/python/test_*.py), one ctest per file, run by Debian's
# python3 against the package in the build tree.
if(TARGET _ovnsim)
  file(GLOB OVNSIM_PYTHON_TESTS CONFIGURE_DEPENDS ${CMAKE_CURRENT_LIST_DIR}/test_*.py)
  foreach(test_file ${OVNSIM_PYTHON_TESTS})
    get_filename_component(test_name ${test_file} NAME_WE)
    string(REGEX REPLACE "^test_" "" test_name ${test_name})
    add_test(NAME python.${test_name}
      COMMAND ${OVNSIM_TEST_PYTHON} -m pytest -q -p no:cacheprovider ${test_file})
    set_tests_properties(python.${test_name} PROPERTIES
      LABELS "python"
      ENVIRONMENT "PYTHONPATH=${OVNSIM_PYTHON_PATH};OVNSIM_SOURCE_DIR=${PROJECT_SOURCE_DIR};OVNSIM_BUILD_DIR=${PROJECT_BINARY_DIR};CMAKE_COMMAND=${CMAKE_COMMAND};OVNSIM_PYTHON_INSTALL_DIR=${OVNSIM_PYTHON_INSTALL_DIR}")
  endforeach()
endif()
