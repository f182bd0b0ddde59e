/**
 * The 81 inconvenient words (docs/domain.md §1; Instructivo Normativo Anexo 2): when CURP positions 1–4
 * spell one of them, position 2 becomes X (BUEY → BXEY). The RFC uses a different list.
 */
export const INCONVENIENT_WORDS = new Set(
  ('BACA BAKA BUEI BUEY CACA CACO CAGA CAGO CAKA CAKO COGE COGI COJA COJE COJI COJO COLA CULO FALO FETO GETA GUEI ' +
    'GUEY JETA JOTO KACA KACO KAGA KAGO KAKA KAKO KOGE KOGI KOJA KOJE KOJI KOJO KOLA KULO LILO LOCA LOCO LOKA LOKO ' +
    'MAME MAMO MEAR MEAS MEON MIAR MION MOCO MOKO MULA MULO NACA NACO PEDA PEDO PENE PIPI PITO POPO PUTA PUTO QULO ' +
    'RATA ROBA ROBE ROBO RUIN SENO TETA VACA VAGA VAGO VAKA VUEI VUEY WUEI WUEY').split(' '),
);

export function avoidInconvenientWord(first4: string): string {
  return INCONVENIENT_WORDS.has(first4) ? `${first4[0]}X${first4.slice(2)}` : first4;
}
