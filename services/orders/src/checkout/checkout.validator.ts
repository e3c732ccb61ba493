// Checks a parsed checkout against the catalog and the calendar; every problem names its field.
import { AppError, type FieldProblem } from '@concierge/platform';
import type { CatalogClient, CatalogProduct } from '../catalog/catalog.client.js';
import type { CheckoutInput } from './checkout.schemas.js';
import { type DeliveryWindow, deliveryDateProblem } from './delivery-window.js';

export async function validateCheckout(
  input: CheckoutInput,
  catalog: CatalogClient,
  now: Date,
  window: DeliveryWindow,
): Promise<CatalogProduct> {
  const problems: FieldProblem[] = [];
  const dateProblem = deliveryDateProblem(input.deliveryDate, now, window);
  if (dateProblem) problems.push({ field: 'body.deliveryDate', message: dateProblem });
  const product = await catalog.getProduct(input.productId);
  if (!product) problems.push({ field: 'body.productId', message: 'no such product' });
  else if (product.stock === 0) problems.push({ field: 'body.productId', message: 'out of stock' });
  else if (product.stock < input.quantity)
    problems.push({ field: 'body.quantity', message: `only ${product.stock} in stock` });
  if (problems.length > 0 || !product) throw AppError.invalid('The order cannot be placed.', problems);
  return product;
}
