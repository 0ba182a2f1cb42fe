# Every notebook runs as a test (nbclient, Debian's python3 kernel, the package of the build
# tree), and none is committed with outputs.
file(GLOB OVNSIM_NOTEBOOKS CONFIGURE_DEPENDS ${CMAKE_CURRENT_LIST_DIR}/*.ipynb)
if(TARGET _ovnsim)
  foreach(notebook ${OVNSIM_NOTEBOOKS})
    get_filename_component(notebook_name ${notebook} NAME_WE)
    add_test(NAME notebook.${notebook_name}
      COMMAND ${OVNSIM_TEST_PYTHON} ${CMAKE_CURRENT_LIST_DIR}/run_notebook.py ${notebook})
    set_tests_properties(notebook.${notebook_name} PROPERTIES
      LABELS "notebook;python"
      ENVIRONMENT "PYTHONPATH=${OVNSIM_PYTHON_PATH};PYDEVD_DISABLE_FILE_VALIDATION=1;MPLBACKEND=Agg")
  endforeach()
endif()
if(OVNSIM_NOTEBOOKS)
  add_test(NAME notebook.outputs_stripped
    COMMAND ${OVNSIM_TEST_PYTHON} ${CMAKE_CURRENT_LIST_DIR}/strip_outputs.py --check ${OVNSIM_NOTEBOOKS})
  set_tests_properties(notebook.outputs_stripped PROPERTIES LABELS "notebook")
endif()
