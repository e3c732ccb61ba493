// The facet operation of the API contract.
import { type OperationHandler, ok } from '@concierge/platform';
import type { FacetService } from './facet.service.js';

export function facetOperations(facets: FacetService): Record<string, OperationHandler> {
  return {
    getCatalogFacets: async () => ok(await facets.get()),
  };
}
