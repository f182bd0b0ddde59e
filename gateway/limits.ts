/**
 * Operation limits at the gateway, checked before any plan is made: tokens while parsing (so a
 * huge or deeply nested document is refused as GRAPHQL_PARSE_FAILED, 400, before the parser could
 * recurse into it), then depth, aliases, cost and directives as validation rules
 * (GRAPHQL_VALIDATION_FAILED, 400).
 *
 * graphql-armor supplies the validation rules. Its token-limit and suggestion-blocking parts are
 * Apollo plugins that re-parse inside Apollo's parse hook and turn a parse failure into an
 * unexpected error (HTTP 500), so they are off: graphql-js's own `maxTokens` parse option does the
 * former, errors.ts the latter.
 */
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { ParseOptions, ValidationRule } from 'graphql';
import type { GatewayConfig } from './config.ts';

export interface OperationLimits {
  parseOptions: ParseOptions;
  validationRules: ValidationRule[];
}

export function operationLimits(limits: GatewayConfig['limits']): OperationLimits {
  const armor = new ApolloArmor({
    maxDepth: { n: limits.maxDepth },
    maxAliases: { n: limits.maxAliases },
    costLimit: { maxCost: limits.maxCost },
    maxDirectives: { n: limits.maxDirectives },
    maxTokens: { enabled: false },
    blockFieldSuggestion: { enabled: false },
  }).protect();
  return { parseOptions: { maxTokens: limits.maxTokens }, validationRules: armor.validationRules };
}
