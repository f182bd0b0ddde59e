/**
 * Issues the NSS certificate (constancia) of a person the caller may read: the read goes through
 * the scoped loader (decided and audited there), then the persons subgraph signs it.
 */
import { notFound } from '../../../schema/errors/client-errors.ts';
import type { MutationIssueNssCertificateArgs, NssCertificate } from '../__generated__/resolvers-types.ts';
import type { PersonsContext } from '../context.ts';
import { signNssCertificate } from '../documents/nss-certificate.ts';

export async function issueNssCertificate({ curp }: MutationIssueNssCertificateArgs, ctx: PersonsContext): Promise<NssCertificate> {
  const person = await ctx.loaders.personByCurp.load(curp);
  if (!person?.nss) throw notFound('Person');
  const clinic = person.clinicId ? await ctx.loaders.clinicById.load(person.clinicId) : null;
  const signed = await signNssCertificate(
    ctx.documents,
    {
      curp: person.curp,
      nss: person.nss,
      name: [person.givenNames, person.firstSurname, person.secondSurname].filter(Boolean).join(' '),
      clinic: clinic ? { number: clinic.number, name: clinic.name } : null,
    },
    ctx.clock.now(),
  );
  ctx.log.info({ keyId: signed.keyId }, 'NSS certificate issued');
  return { jws: signed.jws, keyId: signed.keyId, curp: person.curp, nss: person.nss, issuedAt: signed.issuedAt, issuedOn: signed.issuedOn };
}
