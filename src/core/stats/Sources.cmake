# Sources of the reliability statistics engine (part of newscoder_core).
set(NEWSCODER_STATS_SOURCES
)
