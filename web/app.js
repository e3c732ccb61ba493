// The first page: lists and searches the catalog through the public API. User-visible text is always set
// with textContent, never as HTML.
const money = (p) =>
  new Intl.NumberFormat('en-US', { style: 'currency', currency: p.currency }).format(p.amount / 100);

function el(tag, props = {}, children = []) {
  const node = document.createElement(tag);
  Object.assign(node, props);
  for (const child of children) node.append(child);
  return node;
}

async function api(path) {
  const res = await fetch(path, { headers: { accept: 'application/json' } });
  const body = await res.json();
  if (!res.ok) throw new Error(`${body.message} (request ${body.requestId})`);
  return body;
}

function productCard(p) {
  return el('li', { className: 'card' }, [
    el('img', { src: p.imageUrl, alt: '' }),
    el('h3', { textContent: p.name }),
    el('p', { textContent: `${money(p.price)} · ${p.stock > 0 ? `${p.stock} in stock` : 'out of stock'}` }),
    el('p', { className: 'muted', textContent: p.tags.join(', ') }),
  ]);
}

function restaurantCard(r) {
  return el('li', { className: 'card' }, [
    el('img', { src: r.imageUrl, alt: '' }),
    el('h3', { textContent: r.name }),
    el('p', { textContent: `${r.cuisine} · ${r.area} · ${'$'.repeat(r.priceLevel)} · ★ ${r.rating}` }),
    el('p', { className: 'muted', textContent: `${r.address.street}, ${r.address.city}` }),
  ]);
}

function lister({ path, list, more, status, card }) {
  let cursor = null;
  let params = new URLSearchParams();
  async function load(reset) {
    if (reset) {
      list.replaceChildren();
      cursor = null;
    }
    const query = new URLSearchParams(params);
    query.set('limit', '12');
    if (cursor) query.set('cursor', cursor);
    status.textContent = 'Loading…';
    try {
      const page = await api(`${path}?${query}`);
      list.append(...page.items.map(card));
      cursor = page.nextCursor;
      more.hidden = !cursor;
      status.textContent = list.children.length === 0 ? 'Nothing matches.' : '';
    } catch (error) {
      status.textContent = `Could not load: ${error.message}`;
    }
  }
  more.addEventListener('click', () => load(false));
  return (next) => {
    params = next;
    return load(true);
  };
}

const $ = (id) => document.getElementById(id);
const searchProducts = lister({
  path: '/v1/products',
  list: $('products'),
  more: $('products-more'),
  status: $('product-status'),
  card: productCard,
});
const searchRestaurants = lister({
  path: '/v1/restaurants',
  list: $('restaurants'),
  more: $('restaurants-more'),
  status: $('restaurant-status'),
  card: restaurantCard,
});

function nonEmpty(form) {
  const params = new URLSearchParams();
  for (const [k, v] of new FormData(form)) if (String(v).trim()) params.set(k, String(v).trim());
  return params;
}

$('product-search').addEventListener('submit', (e) => {
  e.preventDefault();
  searchProducts(nonEmpty(e.target));
});
$('restaurant-search').addEventListener('submit', (e) => {
  e.preventDefault();
  searchRestaurants(nonEmpty(e.target));
});

api('/v1/catalog/facets')
  .then((facets) => {
    for (const c of facets.cuisines)
      $('restaurant-cuisine').append(el('option', { value: c, textContent: c }));
    for (const a of facets.areas) $('restaurant-area').append(el('option', { value: a, textContent: a }));
  })
  .catch(() => {});
searchProducts(new URLSearchParams());
searchRestaurants(new URLSearchParams());
