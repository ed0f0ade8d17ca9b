# A study with several coders: coders and assignments (study/), review and
# adjudication (review/), their rows (storage) and their change sets.
set(NEWSCODER_STUDY_SOURCES
  model/Study.h
  storage/ProjectStoreStudy.cpp
  study/StudyChange.h
  commands/StudyCommands.h commands/StudyCommands.cpp
  project/ProjectStudy.cpp
  study/Assignments.h study/Assignments.cpp
  review/ReviewItems.h review/ReviewItems.cpp
  review/Adjudication.h review/Adjudication.cpp
  review/DecisionLog.h review/DecisionLog.cpp
  storage/MergeRows.h storage/MergeRows.cpp
  study/MergeUnits.h study/MergeUnits.cpp
  study/MergePlan.h study/MergePlan.cpp study/MergePlanner_p.h study/MergeArticles.cpp
  study/MergeTexts.h study/MergeTexts.cpp
  study/CoderPackage.h study/CoderPackage.cpp
  study/BlindCoding.h study/BlindCoding.cpp
  storage/StudyRows.h storage/StudyRows.cpp
  study/ArticleAgreement.h study/ArticleAgreement.cpp
  study/MyArticles.h study/MyArticles.cpp
)
