import type { AdvisoryServiceResolvers, ServiceDocumentResolvers } from '../__generated__/resolvers-types.ts';
import { procedureOfService } from '../reference/index.ts';

export const AdvisoryService: AdvisoryServiceResolvers = {
  procedure: (service) => procedureOfService(service.code),
  offeredAt: (service) => [...service.offeredAt],
};

export const ServiceDocument: ServiceDocumentResolvers = {
  ifAvailable: (document) => document.ifAvailable ?? false,
  anyOf: (document) => [...(document.anyOf ?? [])],
};
