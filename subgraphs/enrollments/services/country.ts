/** The country an enrollment is made in: ISO 3166-1 alpha-2, upper case (format only). */
import { badInput } from '../../../schema/errors/client-errors.ts';

export function countryOf(input: string): string {
  const country = input.trim().toUpperCase();
  if (!/^[A-Z]{2}$/.test(country)) throw badInput('COUNTRY_FORMAT', `A country is an ISO 3166-1 alpha-2 code (MX, US, CA, ...), got "${input}"`, { country: input });
  return country;
}
