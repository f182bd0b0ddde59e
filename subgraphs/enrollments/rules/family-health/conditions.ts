/**
 * Medical questionnaire of the voluntary schemes: the pre-existing conditions of RACERF art. 82
 * (docs/domain.md §5). The catalogue follows the article as summarised by
 * https://idconline.mx/seguridad-social/2020/07/23/restricciones-del-regimen-voluntario-del-imss
 * and https://bienestarvallarta.com/modalidad-38; the article says "entre otras", so the list is
 * not exhaustive.
 *
 * Decision: both sources word art. 82 as conditions that *prevent the incorporation* of the
 * applicant who has them ("no será sujeto de aseguramiento el solicitante que presente…"), so
 * the default policy refuses that member only — never the whole family: every other member is
 * assessed on their own questionnaire. The policy EXCLUDE_CONDITIONS (enroll the member, with the
 * declared conditions excluded from their cover) is available if IMSS practice proves to be that.
 */
import type { ValidationIssue } from '../../../../schema/scalars/identifiers/issues.ts';
import type { DatedTable } from '../reference/dated-table.ts';

export type ExcludedConditionCode =
  | 'MALIGNANT_TUMOUR' | 'DIABETES_LATE_COMPLICATIONS' | 'STORAGE_DISEASE' | 'CHRONIC_LIVER_DISEASE'
  | 'CHRONIC_RENAL_FAILURE' | 'HEART_VALVE_DISEASE' | 'HEART_FAILURE' | 'ISCHAEMIC_HEART_DISEASE_SEQUELAE'
  | 'COPD_WITH_RESPIRATORY_FAILURE' | 'CONNECTIVE_TISSUE_DISEASE' | 'ADDICTION' | 'PSYCHOSIS_OR_DEMENTIA'
  | 'CONGENITAL_DISEASE' | 'HIV_AIDS';

export interface ExcludedCondition {
  /** One of ExcludedConditionCode in the seed; a later catalogue (a dated table) may add codes. */
  code: string;
  label: string;
  /** Wording of the regulation (Spanish), for the questionnaire. */
  labelEs: string;
}

/** RACERF art. 82 pre-existing conditions. */
export const EXCLUDED_CONDITIONS: readonly (ExcludedCondition & { code: ExcludedConditionCode })[] = [
  { code: 'MALIGNANT_TUMOUR', label: 'Malignant tumours', labelEs: 'Tumores malignos' },
  { code: 'DIABETES_LATE_COMPLICATIONS', label: 'Chronic degenerative disease with late complications (diabetes mellitus)', labelEs: 'Complicaciones tardías de la diabetes mellitus' },
  { code: 'STORAGE_DISEASE', label: 'Storage diseases (e.g. Gaucher disease)', labelEs: 'Enfermedades por atesoramiento (enfermedad de Gaucher)' },
  { code: 'CHRONIC_LIVER_DISEASE', label: 'Chronic liver disease', labelEs: 'Enfermedades crónicas del hígado' },
  { code: 'CHRONIC_RENAL_FAILURE', label: 'Chronic renal failure', labelEs: 'Insuficiencia renal crónica' },
  { code: 'HEART_VALVE_DISEASE', label: 'Heart valve disease', labelEs: 'Valvulopatías cardíacas' },
  { code: 'HEART_FAILURE', label: 'Heart failure', labelEs: 'Insuficiencia cardíaca' },
  { code: 'ISCHAEMIC_HEART_DISEASE_SEQUELAE', label: 'Sequelae of ischaemic heart disease (arrhythmia, angina, myocardial infarction)', labelEs: 'Secuelas de cardiopatía isquémica (arritmia, ángor o infarto del miocardio)' },
  { code: 'COPD_WITH_RESPIRATORY_FAILURE', label: 'Chronic obstructive pulmonary disease with respiratory failure', labelEs: 'Enfermedad pulmonar obstructiva crónica con insuficiencia respiratoria' },
  { code: 'CONNECTIVE_TISSUE_DISEASE', label: 'Chronic systemic connective-tissue disease', labelEs: 'Enfermedades sistémicas crónicas del tejido conectivo' },
  { code: 'ADDICTION', label: 'Addictions (alcoholism and other drug addictions)', labelEs: 'Adicciones como alcoholismo y otras toxicomanías' },
  { code: 'PSYCHOSIS_OR_DEMENTIA', label: 'Mental disorders such as psychosis and dementia', labelEs: 'Trastornos mentales como psicosis y demencias' },
  { code: 'CONGENITAL_DISEASE', label: 'Congenital disease', labelEs: 'Enfermedades congénitas' },
  { code: 'HIV_AIDS', label: 'AIDS or HIV positive', labelEs: 'Síndrome de inmunodeficiencia adquirida o VIH positivo' },
];

/**
 * The catalogue as a dated table, so the questionnaire asks what the regulation in force asks: the
 * seed runs from the RACERF's entry into force (DOF 1 Nov 2002, in force the next day); no later
 * change was found.
 */
export const EXCLUDED_CONDITION_TABLE: DatedTable<readonly ExcludedCondition[]> = {
  name: 'EXCLUDED_CONDITIONS',
  rows: [
    {
      value: EXCLUDED_CONDITIONS,
      validFrom: '2002-11-02',
      validTo: null,
      source: 'RACERF art. 82 as summarised by https://idconline.mx/seguridad-social/2020/07/23/restricciones-del-regimen-voluntario-del-imss and https://bienestarvallarta.com/modalidad-38 ("entre otras": not exhaustive)',
      checkedOn: '2026-12-01',
      confirmed: true,
    },
  ],
};

export type PreExistingPolicy = 'REFUSE_MEMBER' | 'EXCLUDE_CONDITIONS';

export interface QuestionnaireAnswer {
  /** Caller's reference for the member. */
  ref: string;
  /** Codes of EXCLUDED_CONDITIONS the member declares. */
  declaredConditions: readonly string[];
}

export interface MemberAssessment {
  ref: string;
  insurable: boolean;
  /** Declared catalogue conditions; under EXCLUDE_CONDITIONS, not covered for this member. */
  exclusions: string[];
  issues: ValidationIssue[];
}

export interface QuestionnaireOptions {
  policy?: PreExistingPolicy;
  /** The catalogue in force (from the dated table); default EXCLUDED_CONDITIONS. */
  conditions?: readonly ExcludedCondition[];
}

/** Assesses each member's questionnaire on its own; one member's condition never refuses the others. */
export function assessQuestionnaires(answers: readonly QuestionnaireAnswer[], options: QuestionnaireOptions = {}): MemberAssessment[] {
  const policy = options.policy ?? 'REFUSE_MEMBER';
  const byCode = new Map<string, ExcludedCondition>((options.conditions ?? EXCLUDED_CONDITIONS).map((c) => [c.code, c]));
  return answers.map((answer): MemberAssessment => {
    const issues: ValidationIssue[] = [];
    const exclusions: string[] = [];
    for (const code of new Set(answer.declaredConditions)) {
      const condition = byCode.get(code);
      if (condition) exclusions.push(condition.code);
      else issues.push({ code: 'CONDITION_CODE_UNKNOWN', message: `Member ${answer.ref} declared an unknown condition code "${code}"; the questionnaire must be corrected before it can be assessed.` });
    }
    if (exclusions.length > 0 && policy === 'REFUSE_MEMBER') {
      const labels = exclusions.map((c) => byCode.get(c)!.label).join('; ');
      issues.push({ code: 'MEMBER_PRE_EXISTING_CONDITION', message: `Member ${answer.ref} declared a pre-existing condition that prevents enrollment (RACERF art. 82): ${labels}.` });
    }
    const unknown = issues.some((i) => i.code === 'CONDITION_CODE_UNKNOWN');
    const insurable = !unknown && (exclusions.length === 0 || policy === 'EXCLUDE_CONDITIONS');
    return { ref: answer.ref, insurable, exclusions, issues };
  });
}
