// The Admiralty (NATO STANAG 2511) scale of source reliability, as
// intelligence and verification desks use it: a letter for how the source
// has performed before, judged apart from the information it gives now.

export type ReliabilityGrade = 'A' | 'B' | 'C' | 'D' | 'E' | 'F';

export interface ReliabilityLevel {
  grade: ReliabilityGrade;
  meaning: string;
  detail: string;
}

export const RELIABILITY_GRADES: readonly ReliabilityLevel[] = [
  { grade: 'A', meaning: 'Completely reliable', detail: 'no doubt of authenticity, trustworthiness or competence; a history of complete reliability' },
  { grade: 'B', meaning: 'Usually reliable', detail: 'minor doubts; a history of mostly valid information' },
  { grade: 'C', meaning: 'Fairly reliable', detail: 'doubts; has provided valid information in the past' },
  { grade: 'D', meaning: 'Not usually reliable', detail: 'significant doubts; has provided valid information in the past' },
  { grade: 'E', meaning: 'Unreliable', detail: 'lacking authenticity, trustworthiness and competence; a history of invalid information' },
  { grade: 'F', meaning: 'Reliability cannot be judged', detail: 'no basis for evaluating the source' },
];

export function reliabilityMeaning(grade: string | null): string | null {
  return RELIABILITY_GRADES.find((g) => g.grade === grade)?.meaning ?? null;
}
