// Operators: the products, with name, price and stock edited in place (PATCH, errors by field).
import type { components } from '@concierge/sdk';
import { useEffect, useState } from 'preact/hooks';
import { Field, FormAlert } from '../../components/field.js';
import { toast } from '../../components/toast.js';
import { type Problem, problemOf } from '../../problem.js';
import { auth$ } from '../../session.js';
import { useStore } from '../../store.js';

type Product = components['schemas']['Product'];

function ProductEditor({ product, onSaved }: { product: Product; onSaved: (p: Product) => void }) {
  const signedIn = useStore(auth$);
  const [problem, setProblem] = useState<Problem>();
  if (!signedIn) return null;
  const id = (name: string) => `product-${product.id}-${name}`;
  const save = async (event: Event) => {
    event.preventDefault();
    const f = new FormData(event.currentTarget as HTMLFormElement);
    const dollars = Number(String(f.get('price')));
    const { data, error, response } = await signedIn.api.PATCH('/v1/products/{productId}', {
      params: { path: { productId: product.id } },
      body: {
        name: String(f.get('name')).trim(),
        price: { amount: Math.round(dollars * 100), currency: product.price.currency },
        stock: Number(String(f.get('stock'))),
      },
    });
    setProblem(data ? undefined : problemOf(error, response.status));
    if (data) {
      onSaved(data);
      toast(`${data.name} saved.`);
    }
  };
  return (
    <li class="card editor">
      <img src={product.imageUrl} alt="" width={96} height={72} loading="lazy" />
      <form onSubmit={save} noValidate aria-label={`Edit ${product.name}`}>
        <FormAlert message={problem?.message} requestId={problem?.requestId} />
        <Field id={id('name')} label="Name" error={problem?.fields.name}>
          {(x) => <input {...x} name="name" defaultValue={product.name} maxLength={120} />}
        </Field>
        <div class="row">
          <Field
            id={id('price')}
            label={`Price (${product.price.currency})`}
            error={problem?.fields['price.amount']}
          >
            {(x) => (
              <input
                {...x}
                name="price"
                type="number"
                step="0.01"
                min="0"
                defaultValue={(product.price.amount / 100).toFixed(2)}
              />
            )}
          </Field>
          <Field id={id('stock')} label="Stock" error={problem?.fields.stock}>
            {(x) => <input {...x} name="stock" type="number" step="1" defaultValue={String(product.stock)} />}
          </Field>
        </div>
        <button type="submit">Save</button>
      </form>
    </li>
  );
}

export function OperatorCatalogPage() {
  const signedIn = useStore(auth$);
  const [products, setProducts] = useState<Product[]>();
  const [cursor, setCursor] = useState<string | null>(null);
  const [problem, setProblem] = useState<Problem>();

  const load = async (after: string | null) => {
    if (!signedIn) return;
    const { data, error, response } = await signedIn.api.GET('/v1/products', {
      params: { query: { limit: 20, ...(after ? { cursor: after } : {}) } },
    });
    if (!data) return setProblem(problemOf(error, response.status));
    setProducts((before) => [...(after ? (before ?? []) : []), ...data.items]);
    setCursor(data.nextCursor);
  };
  useEffect(() => {
    void load(null);
  }, [signedIn]);

  return (
    <section>
      <h1>Catalog</h1>
      <FormAlert message={problem?.message} requestId={problem?.requestId} />
      <ul class="editors">
        {products?.map((p) => (
          <ProductEditor
            key={p.id}
            product={p}
            onSaved={(saved) => setProducts((all) => all?.map((x) => (x.id === saved.id ? saved : x)))}
          />
        ))}
      </ul>
      {cursor && (
        <button type="button" class="secondary" onClick={() => load(cursor)}>
          Show more products
        </button>
      )}
    </section>
  );
}
