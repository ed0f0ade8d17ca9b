# Learning from disagreement: each coder against the consensus (agreement and
# error profile) and the disagreement report for coder training.
set(NEWSCODER_REVIEW_SOURCES
  review/ConsensusAgreement.h review/ConsensusAgreement.cpp
  review/DisagreementReport.h review/DisagreementReport.cpp
)
