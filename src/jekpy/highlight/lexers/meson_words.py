"""Word lists of Rouge 3.30's ``meson`` lexer (lexers/meson.py), kept apart from it."""

from __future__ import annotations

from jekpy.highlight.lexers.base import word_set

BUILTIN_FUNCTIONS = word_set(
    """add_global_arguments add_project_arguments
    add_global_link_arguments add_project_link_arguments add_test_setup add_languages
    alias_target assert benchmark both_libraries build_target configuration_data configure_file
    custom_target declare_dependency dependency disabler environment error executable
    generator gettext get_option get_variable files find_library find_program
    include_directories import install_data install_headers install_man install_subdir
    is_disabler is_variable jar join_paths library message option project
    run_target run_command set_variable subdir subdir_done
    subproject summary shared_library shared_module static_library test vcs_tag warning"""
)
