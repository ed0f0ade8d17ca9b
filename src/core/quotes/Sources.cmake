# Sources of the quote-attribution engine (part of newscoder_core).
set(NEWSCODER_QUOTES_SOURCES
  quotes/Attribution.h
  quotes/QuoteLexicon.h quotes/QuoteLexicon.cpp
  quotes/TextTokens.h quotes/TextTokens.cpp
  quotes/QuoteMarks.h quotes/QuoteMarks.cpp
  quotes/AttributionContext_p.h quotes/AttributionContext.cpp
  quotes/Rules_p.h quotes/DirectRules.cpp quotes/IndirectRules.cpp
  quotes/QuoteAttributor.h quotes/QuoteAttributor.cpp
  quotes/QuoteOffsets.h quotes/QuoteOffsets.cpp
  quotes/QuoteGold.h quotes/QuoteGold.cpp
  quotes/QuoteScorer.h quotes/QuoteScorer.cpp
  quotes/QuoteMapping.h quotes/QuoteMapping.cpp
  quotes/ActorMatching.h quotes/ActorMatching.cpp
  quotes/QuoteSuggestions.h quotes/QuoteSuggestions.cpp quotes/QuoteSuggestionDecisions.cpp
  quotes/QuoteSuggestionDetails.h quotes/QuoteSuggestionDetails.cpp
  quotes/QuotePseudoCoder.h quotes/QuotePseudoCoder.cpp
)
