import { notFound } from '../../../schema/errors/client-errors.ts';
import type { PersonsContext } from '../context.ts';
import { maskName } from './masking.ts';

/** Issues the constancia for a person the caller may read (scoped and audited by the loader). */
export async function issueNssCertificate(curp: string, ctx: PersonsContext) {
  const person = await ctx.loaders.personByCurp.load(curp);
  if (!person?.nss) throw notFound('Person');
  const clinic = person.clinicId ? await ctx.loaders.clinicById.load(person.clinicId) : null;
  const signed = await ctx.services.certificates.sign(
    {
      curp: person.curp,
      nss: person.nss,
      name: [person.givenNames, person.firstSurname, person.secondSurname].filter(Boolean).join(' '),
      clinic: clinic ? { number: clinic.number, name: clinic.name } : null,
    },
    ctx.services.now(),
  );
  ctx.log.info({ curp: maskName(person) }, 'NSS certificate issued');
  return { jws: signed.jws, keyId: signed.keyId, curp: person.curp, nss: person.nss, issuedAt: signed.issuedAt };
}
