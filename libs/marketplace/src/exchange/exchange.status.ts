/** Needs and offers: drafted, published (searchable), closed (kept, no longer searchable). */
export enum ExchangeStatus {
  Draft = 'DRAFT',
  Published = 'PUBLISHED',
  Closed = 'CLOSED',
}

export enum OfferKind {
  Service = 'SERVICE',
  Product = 'PRODUCT',
}
