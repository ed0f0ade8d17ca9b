# The cue lexicons of the quote-attribution engine, compiled into newscoder_core
# (read as :/quotes/lexicons/en.txt and :/quotes/lexicons/de.txt).
qt_add_resources(newscoder_core "newscoder_quote_lexicons"
  PREFIX "/quotes"
  BASE "${CMAKE_CURRENT_SOURCE_DIR}/quotes"
  FILES "${CMAKE_CURRENT_SOURCE_DIR}/quotes/lexicons/en.txt" "${CMAKE_CURRENT_SOURCE_DIR}/quotes/lexicons/de.txt")
