/* The OCR confusion walk compiled: an optional accelerator of
 * repair.score.ocr_channel.confusion_variants and confusion_variants_pair (issue 14).
 *
 * The pure-Python walks stay the reference; this module makes the same depth-first walk
 * over the same plan (repair.score.ocr_channel._walk_plan: Python tuples and lists, read
 * in place), with the same float additions in the same order, and fills the same dicts in
 * the same order.  What changes is the prefix test: instead of building each lowered
 * prefix as a string and looking it up in the index's frozenset, a branch carries its node
 * in a trie of that set (built once per set, `trie`), and a row's lowered true form moves
 * the node glyph by glyph.  Exact because the sets are prefix-closed (checked when the trie
 * is built: every string's prefixes must be members, else `trie` returns None and the
 * caller walks in Python): a string is in the set exactly when its trie path exists.
 *
 * Strings are built only where a reading is kept (from a UCS4 buffer of the branch's
 * glyphs), so a dead row costs a few array look-ups.  The plan's rows are read into C
 * arrays once per options tuple (cached by its address, the tuple held), and a trie
 * node's letter mask finds or refuses a letter's child without searching the labels
 * (issue 14, session 47).
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include "_pricerun.h"
#include <math.h>
#include <stdint.h>
#include <string.h>

/* ---------------------------------------------------------------- the trie */

/* Nodes in breadth-first order, siblings by code point (the strings sorted by length,
 * then as Python compares them): node 0 is "", the children of node n are the nodes
 * start[n] .. start[n + 1] - 1, label[m] is node m's last glyph.  A node's children are
 * side by side in memory, so a child look-up reads one short run of labels. */
typedef struct {
    uint32_t *start;  /* nodes + 1 entries */
    Py_UCS4 *label;   /* nodes entries (label[0] unused) */
    uint32_t *mask;   /* nodes entries: which of a-z label a child, see `masks` */
    uint32_t nodes;
    PyObject *owner;  /* a tuple holding the tables (trie_load), or NULL: they are ours */
} Trie;

/* A node's letter mask: bit b (0-25) set when a child's label is 'a' + b, and in bits 26-30
 * how many children have a label below 'a' (they come first: the labels rise), MASK_SCAN
 * there when 31 or more do (then the labels are searched).  A letter's child is then found
 * or refused without reading the labels: its place among the children is that count plus
 * the set bits below its own (issue 14, session 47). */
#define MASK_SCAN 31u

/* Each node's letter mask (NULL when out of memory). */
static uint32_t *masks(const uint32_t *start, const Py_UCS4 *label, uint32_t nodes) {
    uint32_t *mask = PyMem_RawMalloc((size_t)nodes * sizeof(uint32_t));
    if (mask == NULL) return NULL;
    for (uint32_t n = 0; n < nodes; n++) {
        uint32_t m = 0, below = 0;
        for (uint32_t c = start[n]; c < start[n + 1]; c++) {
            Py_UCS4 l = label[c];
            if (l < 'a') below++;
            else if (l <= 'z') m |= 1u << (l - 'a');
        }
        mask[n] = m | (below < MASK_SCAN ? below : MASK_SCAN) << 26;
    }
    return mask;
}

/* The set bits of `x` (below 2^26), without a popcount instruction the baseline x86-64
 * lacks (a library call there). */
static inline uint32_t bits_set(uint32_t x) {
    x = x - ((x >> 1) & 0x55555555u);
    x = (x & 0x33333333u) + ((x >> 2) & 0x33333333u);
    x = (x + (x >> 4)) & 0x0F0F0F0Fu;
    return (x * 0x01010101u) >> 24;
}

/* The child of `node` by code point `cp`, or -1. */
static inline int64_t child(const Trie *t, int64_t node, Py_UCS4 cp) {
    uint32_t m = t->mask[node], b = cp - 'a';
    if (b < 26 && (m >> 26) != MASK_SCAN) {
        if (!((m >> b) & 1)) return -1;
        return (int64_t)t->start[node] + (m >> 26) + bits_set(m & ((1u << b) - 1));
    }
    uint32_t lo = t->start[node], hi = t->start[node + 1];
    if (hi - lo > 8) {  /* a wide node (the first letters): binary search */
        while (lo < hi) {
            uint32_t mid = (lo + hi) / 2;
            if (t->label[mid] < cp) lo = mid + 1; else hi = mid;
        }
        return (lo < t->start[node + 1] && t->label[lo] == cp) ? (int64_t)lo : -1;
    }
    for (; lo < hi; lo++) {
        Py_UCS4 l = t->label[lo];
        if (l == cp) return lo;
        if (l > cp) return -1;
    }
    return -1;
}

/* The node of `node` followed by the glyphs of `text`, or -1. */
static inline int64_t follow(const Trie *t, int64_t node, PyObject *text) {
    Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    if (n == 0 || node < 0) return node;
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    for (Py_ssize_t k = 0; k < n && node >= 0; k++)
        node = child(t, node, PyUnicode_READ(kind, data, k));
    return node;
}

static void trie_free(PyObject *capsule) {
    Trie *t = (Trie *)PyCapsule_GetPointer(capsule, "repair._ocrwalk.trie");
    if (t == NULL) return;
    if (t->owner != NULL) {
        Py_DECREF(t->owner);
    } else {
        PyMem_RawFree(t->start);
        PyMem_RawFree(t->label);
    }
    PyMem_RawFree(t->mask);
    PyMem_RawFree(t);
}

/* Whether `a` is `b` without its last glyph. */
static int is_parent(PyObject *a, PyObject *b) {
    Py_ssize_t n = PyUnicode_GET_LENGTH(a);
    if (PyUnicode_GET_LENGTH(b) != n + 1) return 0;
    int ka = PyUnicode_KIND(a), kb = PyUnicode_KIND(b);
    const void *da = PyUnicode_DATA(a), *db = PyUnicode_DATA(b);
    for (Py_ssize_t k = 0; k < n; k++)
        if (PyUnicode_READ(ka, da, k) != PyUnicode_READ(kb, db, k)) return 0;
    return 1;
}

/* trie(prefixes: frozenset[str]) -> capsule | None (None: not prefix-closed, or too
 * large). */
static PyObject *trie_build(PyObject *self, PyObject *arg) {
    if (!PyFrozenSet_Check(arg)) {
        PyErr_SetString(PyExc_TypeError, "a frozenset of strings is expected");
        return NULL;
    }
    PyObject *items = PySequence_List(arg);  /* the set's own strings */
    if (items == NULL) return NULL;
    Py_ssize_t n_items = PyList_GET_SIZE(items);
    PyObject *result = NULL;
    Py_ssize_t *count = NULL, *order = NULL;
    uint32_t *parent = NULL;
    Trie *t = NULL;
    Py_ssize_t longest = 0;
    for (Py_ssize_t e = 0; e < n_items; e++) {
        PyObject *item = PyList_GET_ITEM(items, e);
        if (!PyUnicode_Check(item)) goto refuse;
        if (PyUnicode_GET_LENGTH(item) > longest) longest = PyUnicode_GET_LENGTH(item);
    }
    if (n_items >= 0x7FFFFFFF) goto refuse;
    if (PyList_Sort(items) < 0) goto done;
    /* by length, each length's strings in sorted order (a counting sort) */
    count = PyMem_RawCalloc(longest + 2, sizeof(Py_ssize_t));
    order = PyMem_RawMalloc((n_items + 1) * sizeof(Py_ssize_t));
    if (count == NULL || order == NULL) { PyErr_NoMemory(); goto done; }
    for (Py_ssize_t e = 0; e < n_items; e++)
        count[PyUnicode_GET_LENGTH(PyList_GET_ITEM(items, e)) + 1]++;
    for (Py_ssize_t d = 1; d <= longest + 1; d++) count[d] += count[d - 1];
    /* count[d]: where the strings of length d begin */
    for (Py_ssize_t e = 0; e < n_items; e++)
        order[count[PyUnicode_GET_LENGTH(PyList_GET_ITEM(items, e))]++] = e;
    /* node k + 1 is order[first + k] for the non-empty strings (the root is node 0) */
    Py_ssize_t first = 0;  /* 1 when "" is in the set (it is the root) */
    if (n_items > 0 && PyUnicode_GET_LENGTH(PyList_GET_ITEM(items, order[0])) == 0) first = 1;
    uint32_t nodes = (uint32_t)(n_items - first + 1);
    t = PyMem_RawCalloc(1, sizeof(Trie));
    parent = PyMem_RawMalloc(nodes * sizeof(uint32_t));
    if (t == NULL || parent == NULL) { PyErr_NoMemory(); goto done; }
    t->nodes = nodes;
    t->start = PyMem_RawCalloc(nodes + 1, sizeof(uint32_t));
    t->label = PyMem_RawCalloc(nodes, sizeof(Py_UCS4));
    if (t->start == NULL || t->label == NULL) { PyErr_NoMemory(); goto done; }
    /* each node's parent: the strings one shorter, in order, hold the parents in order */
    uint32_t p = 0, level = 0, level_end = 1;  /* the parents' level: [level, level_end) */
    Py_ssize_t depth = 1;
    parent[0] = 0;
    for (uint32_t m = 1; m < nodes; m++) {
        PyObject *s = PyList_GET_ITEM(items, order[first + m - 1]);
        Py_ssize_t len = PyUnicode_GET_LENGTH(s);
        if (len != depth) {  /* the next level: its parents are the level just done */
            if (len != depth + 1) goto refuse;  /* no string of some length: not closed */
            level = level_end;
            level_end = m;
            p = level;
            depth = len;
        }
        if (depth == 1) {
            parent[m] = 0;
        } else {
            while (p < level_end
                   && !is_parent(PyList_GET_ITEM(items, order[first + p - 1]), s))
                p++;
            if (p >= level_end) goto refuse;  /* its prefix is not in the set */
            parent[m] = p;
        }
        t->label[m] = PyUnicode_READ_CHAR(s, len - 1);
    }
    /* children counts, then where each node's children begin (breadth-first: in order) */
    for (uint32_t m = 1; m < nodes; m++) t->start[parent[m] + 1]++;
    t->start[0] = 1;
    for (uint32_t n = 1; n <= nodes; n++) t->start[n] += t->start[n - 1];
    /* start[n] is now 1 + the children of nodes before n; start[nodes] = nodes */
    t->mask = masks(t->start, t->label, nodes);
    if (t->mask == NULL) { PyErr_NoMemory(); goto done; }
    result = PyCapsule_New(t, "repair._ocrwalk.trie", trie_free);
    if (result != NULL) t = NULL;
    goto done;
refuse:
    result = Py_None;
    Py_INCREF(result);
done:
    if (t != NULL) {
        PyMem_RawFree(t->start);
        PyMem_RawFree(t->label);
        PyMem_RawFree(t->mask);
        PyMem_RawFree(t);
    }
    PyMem_RawFree(parent);
    PyMem_RawFree(count);
    PyMem_RawFree(order);
    Py_DECREF(items);
    return result;
}

/* ---------------------------------------------------------------- the plan's rows, flat */

/* A row of the walk plan ((dst, cost, dst_low, sub), repair.score.ocr_channel._walk_rows)
 * read once into C: the cost as a double, the lowered true form's code points in place
 * (the first ROW_GLYPHS; a longer one is read from its string), the objects borrowed from
 * the plan tuple that the cache holds.  A row the walk cannot read is kept as `bad` and
 * raises where the walk reaches it, as before (issue 14, session 47). */
#define ROW_GLYPHS 4
typedef struct {
    double cost;
    PyObject *dst, *sub, *dst_low;  /* borrowed */
    Py_ssize_t low_len;
    Py_UCS4 low[ROW_GLYPHS];
    int bad;
} FlatRow;

typedef struct {
    Py_ssize_t n;       /* the printed form's length */
    Py_ssize_t n_rows;
    Py_ssize_t n_good;  /* the rows before the first `bad` one */
    FlatRow *rows;
} FlatOption;

/* One position's options (a tuple of (n, rows) from _walk_plan), flat. */
typedef struct {
    PyObject *key;      /* the options tuple, held: its address names it while cached */
    Py_ssize_t n_opts;
    Py_ssize_t longest; /* the longest printed form (how far past the position it reads) */
    FlatOption *opts;
} FlatPlan;

/* The flat plans by the address of their options tuple (open addressing).  A text's
 * positions share a few hundred options tuples (repair.score.ocr_channel._window_plans
 * keeps them for the process), so each is read once; the table is emptied when it holds
 * PLANS_KEPT of them (other callers' plans: tests, the Python plan of a non-ASCII token). */
#define PLANS_KEPT 4096
#define PLANS_SLOTS 8192  /* a power of two, twice PLANS_KEPT */
static FlatPlan **plans = NULL;
static Py_ssize_t plans_held = 0;
static FlatPlan empty_plan = {NULL, 0, 0, NULL};

static void plan_free(FlatPlan *p) {
    for (Py_ssize_t o = 0; o < p->n_opts; o++) PyMem_Free(p->opts[o].rows);
    PyMem_Free(p->opts);
    Py_DECREF(p->key);
    PyMem_Free(p);
}

static void plans_clear(void) {
    if (plans == NULL) return;
    for (Py_ssize_t k = 0; k < PLANS_SLOTS; k++) {
        if (plans[k] != NULL) {
            FlatPlan *p = plans[k];
            plans[k] = NULL;
            plan_free(p);
        }
    }
    plans_held = 0;
}

static inline size_t plan_slot(PyObject *key) {
    return (size_t)(((uintptr_t)key >> 4) * 0x9E3779B97F4A7C15ULL >> 51) & (PLANS_SLOTS - 1);
}

/* The options tuple `opts` read flat: NULL with TypeError when it is no tuple of (int,
 * tuple) pairs or a length is negative (the plan's check, as before). */
static FlatPlan *plan_read(PyObject *opts) {
    if (!PyTuple_Check(opts)) return NULL;
    Py_ssize_t n_opts = PyTuple_GET_SIZE(opts);
    FlatPlan *p = PyMem_Calloc(1, sizeof(FlatPlan));
    if (p == NULL) return NULL;
    p->opts = PyMem_Calloc(n_opts ? n_opts : 1, sizeof(FlatOption));
    if (p->opts == NULL) { PyMem_Free(p); return NULL; }
    Py_INCREF(opts);
    p->key = opts;
    for (Py_ssize_t o = 0; o < n_opts; o++) {
        PyObject *opt = PyTuple_GET_ITEM(opts, o);
        if (!PyTuple_Check(opt) || PyTuple_GET_SIZE(opt) != 2
            || !PyLong_Check(PyTuple_GET_ITEM(opt, 0))
            || !PyTuple_Check(PyTuple_GET_ITEM(opt, 1)))
            goto bad;
        Py_ssize_t len = PyLong_AsSsize_t(PyTuple_GET_ITEM(opt, 0));
        if (len < 0) {
            PyErr_Clear();
            goto bad;
        }
        PyObject *rows = PyTuple_GET_ITEM(opt, 1);
        Py_ssize_t n_rows = PyTuple_GET_SIZE(rows);
        FlatOption *f = &p->opts[o];
        p->n_opts = o + 1;
        f->n = len;
        if (len > p->longest) p->longest = len;
        f->rows = PyMem_Calloc(n_rows ? n_rows : 1, sizeof(FlatRow));
        if (f->rows == NULL) { plan_free(p); return NULL; }
        f->n_rows = f->n_good = n_rows;
        for (Py_ssize_t r = 0; r < n_rows; r++) {
            PyObject *row = PyTuple_GET_ITEM(rows, r);
            FlatRow *fr = &f->rows[r];
            if (!PyTuple_CheckExact(row) || PyTuple_GET_SIZE(row) != 4
                || !PyFloat_CheckExact(PyTuple_GET_ITEM(row, 1))
                || !PyUnicode_Check(PyTuple_GET_ITEM(row, 0))
                || !PyUnicode_Check(PyTuple_GET_ITEM(row, 2))) {
                fr->bad = 1;
                if (r < f->n_good) f->n_good = r;
                continue;
            }
            fr->cost = PyFloat_AS_DOUBLE(PyTuple_GET_ITEM(row, 1));
            fr->dst = PyTuple_GET_ITEM(row, 0);
            fr->dst_low = PyTuple_GET_ITEM(row, 2);
            fr->sub = PyTuple_GET_ITEM(row, 3);
            fr->low_len = PyUnicode_GET_LENGTH(fr->dst_low);
            for (Py_ssize_t k = 0; k < fr->low_len && k < ROW_GLYPHS; k++)
                fr->low[k] = PyUnicode_READ_CHAR(fr->dst_low, k);
        }
    }
    return p;
bad:
    plan_free(p);
    PyErr_SetString(PyExc_TypeError, "not a walk plan");
    return NULL;
}

/* The flat plan of `opts`, read and cached the first time (NULL with an exception). */
static FlatPlan *plan_of(PyObject *opts) {
    if (PyTuple_Check(opts) && PyTuple_GET_SIZE(opts) == 0) return &empty_plan;
    if (plans == NULL) {
        plans = PyMem_Calloc(PLANS_SLOTS, sizeof(FlatPlan *));
        if (plans == NULL) { PyErr_NoMemory(); return NULL; }
    }
    size_t k = plan_slot(opts);
    while (plans[k] != NULL) {
        if (plans[k]->key == opts) return plans[k];
        k = (k + 1) & (PLANS_SLOTS - 1);
    }
    FlatPlan *p = plan_read(opts);
    if (p == NULL) {
        if (!PyErr_Occurred()) PyErr_NoMemory();
        return NULL;
    }
    plans[k] = p;
    plans_held++;
    return p;
}

/* The node of `node` followed by a flat row's lowered true form, or -1. */
static inline int64_t follow_row(const Trie *t, int64_t node, const FlatRow *row) {
    if (row->low_len > ROW_GLYPHS) return follow(t, node, row->dst_low);
    for (Py_ssize_t k = 0; k < row->low_len && node >= 0; k++) node = child(t, node, row->low[k]);
    return node;
}

/* ---------------------------------------------------------------- the walk */

typedef struct {
    const Trie *one, *two;      /* two may be NULL (a single walk) */
    PyObject *token;            /* str */
    Py_ssize_t size;
    FlatPlan **options;         /* per position: its (n, rows), flat */
    double *cheapest;
    PyObject **rest;            /* per position: str */
    PyObject **low_rest;        /* per position: str */
    PyObject **lows;            /* per position: str */
    double max_cost;
    Py_ssize_t last;            /* max_subs - 1 */
    PyObject *out1, *out2;      /* dicts; out2 NULL for a single walk */
    Py_UCS4 *buf;               /* the branch's glyphs as built */
    Py_ssize_t cap;
    PyObject *subs[64];         /* the branch's substitutions (borrowed) */
} Walk;

static int grow(Walk *w, Py_ssize_t need) {
    if (need <= w->cap) return 0;
    Py_ssize_t cap = w->cap * 2;
    if (cap < need) cap = need;
    Py_UCS4 *b = PyMem_Realloc(w->buf, cap * sizeof(Py_UCS4));
    if (b == NULL) { PyErr_NoMemory(); return -1; }
    w->buf = b;
    w->cap = cap;
    return 0;
}

static int append(Walk *w, Py_ssize_t *len, PyObject *text) {
    Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    if (grow(w, *len + n) < 0) return -1;
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    for (Py_ssize_t k = 0; k < n; k++) w->buf[(*len)++] = PyUnicode_READ(kind, data, k);
    return 0;
}

/* out[variant] = (cost, subs) when new or cheaper (the walks' `keep`). */
static int keep(PyObject *out, PyObject *variant, double cost, PyObject *const *subs,
                Py_ssize_t n_subs, PyObject *sub) {
    PyObject *old = PyDict_GetItemWithError(out, variant);
    if (old == NULL && PyErr_Occurred()) return -1;
    if (old != NULL && !(cost < PyFloat_AS_DOUBLE(PyTuple_GET_ITEM(old, 0)))) return 0;
    Py_ssize_t n = n_subs + (sub != NULL);
    PyObject *tup = PyTuple_New(n);
    if (tup == NULL) return -1;
    for (Py_ssize_t k = 0; k < n_subs; k++) {
        Py_INCREF(subs[k]);
        PyTuple_SET_ITEM(tup, k, subs[k]);
    }
    if (sub != NULL) {
        Py_INCREF(sub);
        PyTuple_SET_ITEM(tup, n_subs, sub);
    }
    PyObject *c = PyFloat_FromDouble(cost);
    if (c == NULL) { Py_DECREF(tup); return -1; }
    PyObject *value = PyTuple_Pack(2, c, tup);
    Py_DECREF(c);
    Py_DECREF(tup);
    if (value == NULL) return -1;
    int r = PyDict_SetItem(out, variant, value);
    Py_DECREF(value);
    return r;
}

static PyObject *make_str(Walk *w, Py_ssize_t len) {
    return PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, w->buf, len);
}

static int walk(Walk *w, Py_ssize_t i, Py_ssize_t len, Py_ssize_t lowlen, int64_t n1,
                int64_t n2, double cost, Py_ssize_t n_subs) {
    const int pair = w->two != NULL;
    const int settle = n_subs == w->last;  /* this is the last substitution allowed */
    const int kind_t = PyUnicode_KIND(w->token);
    const void *data_t = PyUnicode_DATA(w->token);
    /* unchanged glyphs are a loop, substitutions a branch */
    for (;;) {
        const FlatPlan *plan = w->options[i];
        for (Py_ssize_t o = 0; o < plan->n_opts; o++) {
            const FlatOption *opt = &plan->opts[o];
            Py_ssize_t j = i + opt->n;
            Py_ssize_t r = 0;
            for (; r < opt->n_good; r++) {
                const FlatRow *row = &opt->rows[r];
                double new_cost = cost + row->cost;
                if (new_cost > w->max_cost) break;  /* rows are sorted by cost */
                Py_ssize_t new_lowlen = lowlen + row->low_len;
                int64_t m1 = follow_row(w->one, n1, row);
                int64_t m2 = pair ? follow_row(w->two, n2, row) : -1;
                if (new_lowlen && m1 < 0 && m2 < 0) continue;  /* no prefix */
                PyObject *dst = row->dst;
                PyObject *sub = row->sub;
                if (settle || new_cost + w->cheapest[j] > w->max_cost) {
                    /* no further substitution fits: the rest of the token as printed */
                    PyObject *lr = w->low_rest[j];
                    int in1, in2;
                    if (new_lowlen == 0 && PyUnicode_GET_LENGTH(lr) == 0) {
                        in1 = 1;
                        in2 = pair;
                    } else {
                        in1 = follow(w->one, m1, lr) >= 0;
                        in2 = pair && follow(w->two, m2, lr) >= 0;
                    }
                    if (!in1 && !in2) continue;
                    Py_ssize_t k = len;
                    if (append(w, &k, dst) < 0 || append(w, &k, w->rest[j]) < 0) return -1;
                    PyObject *variant = make_str(w, k);
                    if (variant == NULL) return -1;
                    if ((in1 && keep(w->out1, variant, new_cost, w->subs, n_subs, sub) < 0)
                        || (in2 && keep(w->out2, variant, new_cost, w->subs, n_subs, sub) < 0)) {
                        Py_DECREF(variant);
                        return -1;
                    }
                    Py_DECREF(variant);
                    continue;
                }
                Py_ssize_t k = len;
                if (append(w, &k, dst) < 0) return -1;
                w->subs[n_subs] = sub;
                if (walk(w, j, k, new_lowlen, m1, m2, new_cost, n_subs + 1) < 0) return -1;
            }
            if (r == opt->n_good && r < opt->n_rows) {  /* reached a row it cannot read */
                PyErr_SetString(PyExc_TypeError, "not a walk row");
                return -1;
            }
        }
        if (i >= w->size) {
            if (n_subs) {
                int in1 = lowlen == 0 || n1 >= 0;
                int in2 = pair && (lowlen == 0 || n2 >= 0);
                if (in1 || in2) {
                    PyObject *variant = make_str(w, len);
                    if (variant == NULL) return -1;
                    if ((in1 && keep(w->out1, variant, cost, w->subs, n_subs, NULL) < 0)
                        || (in2 && keep(w->out2, variant, cost, w->subs, n_subs, NULL) < 0)) {
                        Py_DECREF(variant);
                        return -1;
                    }
                    Py_DECREF(variant);
                }
            }
            return 0;
        }
        if (grow(w, len + 1) < 0) return -1;
        w->buf[len++] = PyUnicode_READ(kind_t, data_t, i);
        PyObject *lo = w->lows[i];
        lowlen += PyUnicode_GET_LENGTH(lo);
        n1 = follow(w->one, n1, lo);
        if (pair) n2 = follow(w->two, n2, lo);
        i++;
        if (n1 < 0 && n2 < 0) return 0;
    }
}

static const Trie *trie_of(PyObject *capsule) {
    return (const Trie *)PyCapsule_GetPointer(capsule, "repair._ocrwalk.trie");
}

/* walk(one, two, token, options, cheapest, rest, lows, low_rest, max_cost, max_subs,
 *      out1, out2) -> None: `two` and `out2` None for a single walk; the plan in the
 * order repair.score.ocr_channel._walk_plan gives it. */
static PyObject *walk_entry(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
    /* the arguments read by hand (a vectorcall: PyArg_ParseTuple was ~3 % of a walk) */
    if (nargs != 12) {
        PyErr_Format(PyExc_TypeError, "walk() takes exactly 12 arguments (%zd given)", nargs);
        return NULL;
    }
    PyObject *one = args[0], *two = args[1], *token = args[2], *options = args[3];
    PyObject *cheapest = args[4], *rest = args[5], *lows = args[6], *low_rest = args[7];
    PyObject *out1 = args[10], *out2 = args[11];
    if (!PyUnicode_Check(token)) {
        PyErr_SetString(PyExc_TypeError, "walk(): the token must be a str");
        return NULL;
    }
    if (!PyList_Check(options) || !PyList_Check(cheapest) || !PyList_Check(rest)
        || !PyList_Check(lows) || !PyList_Check(low_rest)) {
        PyErr_SetString(PyExc_TypeError, "walk(): the plan must be five lists");
        return NULL;
    }
    if (!PyDict_Check(out1)) {
        PyErr_SetString(PyExc_TypeError, "walk(): out1 must be a dict");
        return NULL;
    }
    double max_cost = PyFloat_AsDouble(args[8]);
    if (max_cost == -1.0 && PyErr_Occurred()) return NULL;
    Py_ssize_t max_subs = PyNumber_AsSsize_t(args[9], PyExc_OverflowError);
    if (max_subs == -1 && PyErr_Occurred()) return NULL;
    Walk w;
    memset(&w, 0, sizeof(w));
    w.one = trie_of(one);
    if (w.one == NULL) return NULL;
    if (two != Py_None) {
        w.two = trie_of(two);
        if (w.two == NULL) return NULL;
        if (!PyDict_Check(out2)) {
            PyErr_SetString(PyExc_TypeError, "out2 must be a dict");
            return NULL;
        }
        w.out2 = out2;
    }
    w.out1 = out1;
    w.token = token;
    w.size = PyUnicode_GET_LENGTH(token);
    if (max_subs <= 0) Py_RETURN_NONE;
    if (max_subs > 60) {
        PyErr_SetString(PyExc_ValueError, "max_subs too large");
        return NULL;
    }
    w.last = max_subs - 1;
    w.max_cost = max_cost;
    Py_ssize_t n = w.size + 1;
    if (PyList_GET_SIZE(options) != n || PyList_GET_SIZE(cheapest) != n
        || PyList_GET_SIZE(rest) != n || PyList_GET_SIZE(low_rest) != n
        || PyList_GET_SIZE(lows) < w.size) {
        PyErr_SetString(PyExc_ValueError, "the plan does not fit the token");
        return NULL;
    }
    /* check the plan's types once, so the walk may read it unchecked */
    for (Py_ssize_t k = 0; k < n; k++) {
        if (!PyTuple_Check(PyList_GET_ITEM(options, k))
            || !PyFloat_Check(PyList_GET_ITEM(cheapest, k))
            || !PyUnicode_Check(PyList_GET_ITEM(rest, k))
            || !PyUnicode_Check(PyList_GET_ITEM(low_rest, k))
            || (k < w.size && !PyUnicode_Check(PyList_GET_ITEM(lows, k))))
            goto bad_plan;
    }
    /* each position's options, flat (read once per options tuple, then cached): room
     * for this walk's plans first, so none is let go while the walk holds it */
    if (plans_held + n > PLANS_KEPT) plans_clear();
    FlatPlan **flat = PyMem_Malloc(n * sizeof(FlatPlan *));
    if (flat == NULL) return PyErr_NoMemory();
    for (Py_ssize_t k = 0; k < n; k++) {
        flat[k] = plan_of(PyList_GET_ITEM(options, k));
        if (flat[k] == NULL) {
            PyMem_Free(flat);
            return NULL;
        }
        if (k + flat[k]->longest > w.size) {
            PyMem_Free(flat);
            goto bad_plan;
        }
    }
    double *cheap = PyMem_Malloc(n * sizeof(double));
    if (cheap == NULL) {
        PyMem_Free(flat);
        return PyErr_NoMemory();
    }
    for (Py_ssize_t k = 0; k < n; k++) cheap[k] = PyFloat_AS_DOUBLE(PyList_GET_ITEM(cheapest, k));
    w.cheapest = cheap;
    w.options = flat;
    w.rest = &PyList_GET_ITEM(rest, 0);
    w.low_rest = &PyList_GET_ITEM(low_rest, 0);
    w.lows = &PyList_GET_ITEM(lows, 0);
    w.cap = 4 * n + 64;
    w.buf = PyMem_Malloc(w.cap * sizeof(Py_UCS4));
    if (w.buf == NULL) {
        PyMem_Free(cheap);
        PyMem_Free(flat);
        return PyErr_NoMemory();
    }
    /* the lists are held by the caller and not changed during the walk (no Python code
     * runs in it but dict look-ups of str keys), nor is the plans' cache */
    int r = walk(&w, 0, 0, 0, 0, 0, 0.0, 0);
    PyMem_Free(w.buf);
    PyMem_Free(cheap);
    PyMem_Free(flat);
    if (r < 0) return NULL;
    Py_RETURN_NONE;
bad_plan:
    PyErr_SetString(PyExc_TypeError, "not a walk plan");
    return NULL;
}

/* plans_cached() -> int: the flat plans held (at most PLANS_KEPT). */
static PyObject *plans_cached(PyObject *self, PyObject *unused) {
    return PyLong_FromSsize_t(plans_held);
}

static PyObject *trie_size(PyObject *self, PyObject *capsule) {
    const Trie *t = trie_of(capsule);
    if (t == NULL) return NULL;
    return PyLong_FromSize_t((size_t)t->nodes * 12 + 4 + sizeof(Trie));
}

/* trie_dump(trie) -> (start: bytes, label: bytes): the trie's two tables as stored (native
 * byte order), for a per-user cache (repair.score.ocr_walk_fast.build_cached). */
static PyObject *trie_dump(PyObject *self, PyObject *capsule) {
    const Trie *t = trie_of(capsule);
    if (t == NULL) return NULL;
    PyObject *start = PyBytes_FromStringAndSize((const char *)t->start,
                                                (Py_ssize_t)(t->nodes + 1) * 4);
    if (start == NULL) return NULL;
    PyObject *label = PyBytes_FromStringAndSize((const char *)t->label,
                                                (Py_ssize_t)t->nodes * 4);
    if (label == NULL) { Py_DECREF(start); return NULL; }
    PyObject *out = PyTuple_Pack(2, start, label);
    Py_DECREF(start);
    Py_DECREF(label);
    return out;
}

/* trie_load(start: bytes, label: bytes) -> capsule | None: trie_dump's tables read back,
 * checked first (None when they are not a well-formed trie: sizes, node 0's children
 * first, each node's children after it and in a run of strictly rising code points), so
 * a damaged cache file can never make a walk read outside the tables.  The tables are
 * read in place (the trie holds the two bytes objects): no copy. */
static PyObject *trie_load(PyObject *self, PyObject *args) {
    PyObject *sb, *lb;
    if (!PyArg_ParseTuple(args, "SS", &sb, &lb)) return NULL;
    Py_ssize_t sn = PyBytes_GET_SIZE(sb), ln = PyBytes_GET_SIZE(lb);
    if (ln <= 0 || ln % 4 != 0 || sn != ln + 4 || ln / 4 >= 0x7FFFFFFF) Py_RETURN_NONE;
    const char *sp = PyBytes_AS_STRING(sb), *lp = PyBytes_AS_STRING(lb);
    if (((uintptr_t)sp | (uintptr_t)lp) % sizeof(uint32_t) != 0) Py_RETURN_NONE;
    const uint32_t *start = (const uint32_t *)sp;
    const Py_UCS4 *label = (const Py_UCS4 *)lp;
    uint32_t nodes = (uint32_t)(ln / 4);
    int ok = start[0] == 1 && start[nodes] == nodes;
    for (uint32_t n = 0; ok && n < nodes; n++) {
        uint32_t lo = start[n], hi = start[n + 1];
        if (hi < lo || hi > nodes || (lo < hi && lo <= n)) { ok = 0; break; }
        for (uint32_t m = lo; m < hi; m++)
            if (label[m] > 0x10FFFF || (m > lo && label[m] <= label[m - 1])) { ok = 0; break; }
    }
    if (!ok) Py_RETURN_NONE;
    Trie *t = PyMem_RawCalloc(1, sizeof(Trie));
    if (t == NULL) return PyErr_NoMemory();
    t->mask = masks(start, label, nodes);
    if (t->mask == NULL) { PyMem_RawFree(t); return PyErr_NoMemory(); }
    t->owner = PyTuple_Pack(2, sb, lb);
    if (t->owner == NULL) { PyMem_RawFree(t->mask); PyMem_RawFree(t); return NULL; }
    t->start = (uint32_t *)start;
    t->label = (Py_UCS4 *)label;
    t->nodes = nodes;
    PyObject *result = PyCapsule_New(t, "repair._ocrwalk.trie", trie_free);
    if (result == NULL) { Py_DECREF(t->owner); PyMem_RawFree(t->mask); PyMem_RawFree(t); }
    return result;
}

/* block_cost(src_lows, dst, reads, sub, drop, add) -> float: the dynamic programme of
 * repair.score.ocr_price._block_cost over the rows it looked up (reads[i]: a list of
 * (rows dict, longest) for the printed runs starting at glyph i), the same steps in the
 * same order with the same float additions and strict comparisons, so the same result.
 * src_lows[i] is the printed glyph i lowered (a str: it may be longer than one glyph). */
static PyObject *block_cost_entry(PyObject *self, PyObject *args) {
    PyObject *lows, *dst, *reads;
    double sub, drop, add;
    if (!PyArg_ParseTuple(args, "O!UO!ddd", &PyList_Type, &lows, &dst, &PyList_Type, &reads,
                          &sub, &drop, &add))
        return NULL;
    Py_ssize_t n = PyList_GET_SIZE(lows), m = PyUnicode_GET_LENGTH(dst);
    if (PyList_GET_SIZE(reads) != n) {
        PyErr_SetString(PyExc_ValueError, "block_cost: reads and src_lows differ in length");
        return NULL;
    }
    Py_ssize_t w = m + 1, maxb = 0;
    /* the longest true run any row reads: substrings of dst up to it are made once */
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *ri = PyList_GET_ITEM(reads, i);
        if (!PyList_Check(ri)) {
            PyErr_SetString(PyExc_TypeError, "block_cost: reads[i] must be a list");
            return NULL;
        }
        for (Py_ssize_t a = 0; a < PyList_GET_SIZE(ri); a++) {
            PyObject *pair = PyList_GET_ITEM(ri, a);
            if (!PyTuple_Check(pair) || PyTuple_GET_SIZE(pair) != 2 ||
                !PyDict_Check(PyTuple_GET_ITEM(pair, 0))) {
                PyErr_SetString(PyExc_TypeError, "block_cost: reads[i][a] must be (dict, int)");
                return NULL;
            }
            Py_ssize_t longest = PyLong_AsSsize_t(PyTuple_GET_ITEM(pair, 1));
            if (longest == -1 && PyErr_Occurred()) return NULL;
            if (longest > maxb) maxb = longest;
        }
    }
    if (maxb > m) maxb = m;
    Py_ssize_t nsub = w * (maxb + 1);
    double *best = PyMem_Malloc(sizeof(double) * (size_t)((n + 1) * w));
    PyObject **subs = PyMem_Calloc((size_t)nsub, sizeof(PyObject *));
    PyObject *result = NULL;
    if (best == NULL || subs == NULL) {
        PyErr_NoMemory();
        goto done;
    }
    for (Py_ssize_t j = 0; j <= m; j++)
        for (Py_ssize_t b = 0; b <= maxb && j + b <= m; b++) {
            subs[j * (maxb + 1) + b] = PyUnicode_Substring(dst, j, j + b);
            if (subs[j * (maxb + 1) + b] == NULL) goto done;
        }
    const double inf = Py_HUGE_VAL;
    for (Py_ssize_t k = 0; k < (n + 1) * w; k++) best[k] = inf;
    best[0] = 0.0;
    for (Py_ssize_t i = 0; i <= n; i++) {
        double *row_i = best + i * w;
        PyObject *low_i = i < n ? PyList_GET_ITEM(lows, i) : NULL;
        PyObject *ri = i < n ? PyList_GET_ITEM(reads, i) : NULL;
        if (low_i != NULL && !PyUnicode_Check(low_i)) {
            PyErr_SetString(PyExc_TypeError, "block_cost: src_lows must hold str");
            goto done;
        }
        for (Py_ssize_t j = 0; j <= m; j++) {
            double here = row_i[j];
            if (here == inf) continue;
            if (i < n && j < m) {
                /* src[i].lower() == dst[j] */
                int same = PyUnicode_GET_LENGTH(low_i) == 1 &&
                           PyUnicode_READ_CHAR(low_i, 0) == PyUnicode_READ_CHAR(dst, j);
                double step = same ? 0.0 : sub;
                if (here + step < best[(i + 1) * w + j + 1]) best[(i + 1) * w + j + 1] = here + step;
            }
            if (i < n) {
                if (here + drop < best[(i + 1) * w + j]) best[(i + 1) * w + j] = here + drop;
                Py_ssize_t na = PyList_GET_SIZE(ri);
                for (Py_ssize_t a0 = 0; a0 < na; a0++) {
                    PyObject *pair = PyList_GET_ITEM(ri, a0);
                    Py_ssize_t longest = PyLong_AsSsize_t(PyTuple_GET_ITEM(pair, 1));
                    if (longest < 0) continue;
                    Py_ssize_t a = a0 + 1;
                    if (i + a > n) {
                        PyErr_SetString(PyExc_ValueError, "block_cost: a run past the end");
                        goto done;
                    }
                    double *ahead = best + (i + a) * w;
                    PyObject *rows = PyTuple_GET_ITEM(pair, 0);
                    Py_ssize_t top = longest < m - j ? longest : m - j;
                    for (Py_ssize_t b = 0; b <= top; b++) {
                        PyObject *c = PyDict_GetItemWithError(rows, subs[j * (maxb + 1) + b]);
                        if (c == NULL) {
                            if (PyErr_Occurred()) goto done;
                            continue;
                        }
                        double cv = PyFloat_AsDouble(c);
                        if (cv == -1.0 && PyErr_Occurred()) goto done;
                        if (here + cv < ahead[j + b]) ahead[j + b] = here + cv;
                    }
                }
            }
            if (j < m && here + add < row_i[j + 1]) row_i[j + 1] = here + add;
        }
    }
    result = PyFloat_FromDouble(best[n * w + m]);
done:
    if (subs != NULL) {
        for (Py_ssize_t k = 0; k < nsub; k++) Py_XDECREF(subs[k]);
        PyMem_Free(subs);
    }
    PyMem_Free(best);
    return result;
}


/* channel_upto(token, low, target, ops, limit, block) -> float: the loop of
 * repair.score.ocr_price.channel_cost_upto over ops (Levenshtein.opcodes(low,
 * target).as_list()): the differing opcodes merged into runs, each run priced by
 * block (ocr_price._block_cost) in order, the same float additions, and the sum
 * returned as soon as it passes limit. */
static PyObject *channel_loop(PyObject *token, PyObject *low, PyObject *target, PyObject *ops,
                              double limit, PyObject *block) {
    Py_ssize_t n = PyUnicode_GET_LENGTH(low), m = PyUnicode_GET_LENGTH(target);
    Py_ssize_t i1 = -1, i2 = -1, j1 = -1, j2 = -1;
    double cost = 0.0;
    for (Py_ssize_t k = 0; k < PyList_GET_SIZE(ops); k++) {
        PyObject *op = PyList_GET_ITEM(ops, k);
        if (!PyTuple_Check(op) || PyTuple_GET_SIZE(op) != 5 ||
            !PyUnicode_Check(PyTuple_GET_ITEM(op, 0))) {
            PyErr_SetString(PyExc_TypeError, "channel_upto: ops must hold (tag, i1, i2, j1, j2)");
            return NULL;
        }
        if (PyUnicode_CompareWithASCIIString(PyTuple_GET_ITEM(op, 0), "equal") == 0) continue;
        Py_ssize_t v[4];
        for (int q = 0; q < 4; q++) {
            v[q] = PyLong_AsSsize_t(PyTuple_GET_ITEM(op, q + 1));
            if (v[q] == -1 && PyErr_Occurred()) return NULL;
            if (v[q] < 0 || v[q] > (q < 2 ? n : m)) {
                PyErr_SetString(PyExc_ValueError, "channel_upto: an opcode out of range");
                return NULL;
            }
        }
        if (i1 >= 0 && i2 == v[0] && j2 == v[2]) {
            i2 = v[1];
            j2 = v[3];
            continue;
        }
        if (i1 >= 0) {
            if (price_run(token, low, target, n, m, i1, i2, j1, j2, block, &cost) < 0)
                return NULL;
            if (cost > limit) return PyFloat_FromDouble(cost);
        }
        i1 = v[0];
        i2 = v[1];
        j1 = v[2];
        j2 = v[3];
    }
    if (i1 >= 0 && price_run(token, low, target, n, m, i1, i2, j1, j2, block, &cost) < 0)
        return NULL;
    return PyFloat_FromDouble(cost);
}

static PyObject *channel_upto_entry(PyObject *self, PyObject *args) {
    PyObject *token, *low, *target, *ops, *block;
    double limit;
    if (!PyArg_ParseTuple(args, "UUUO!dO", &token, &low, &target, &PyList_Type, &ops, &limit,
                          &block))
        return NULL;
    return channel_loop(token, low, target, ops, limit, block);
}

/* channel_cost(token, word, limit, opcodes, block) -> float: the whole of
 * repair.score.ocr_price.channel_cost_upto in one call: token.lower() and word.lower()
 * (0.0 when equal), opcodes(low, target).as_list() (rapidfuzz's Levenshtein.opcodes),
 * then channel_upto's run loop over them (issue 14, session 37). */
static PyObject *channel_cost_entry(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
    if (nargs != 5 || !PyUnicode_Check(args[0]) || !PyUnicode_Check(args[1])) {
        PyErr_SetString(PyExc_TypeError, "channel_cost(token: str, word: str, limit, opcodes, block)");
        return NULL;
    }
    double limit = PyFloat_AsDouble(args[2]);
    if (limit == -1.0 && PyErr_Occurred()) return NULL;
    static PyObject *s_as_list = NULL;
    if (s_as_list == NULL && (s_as_list = PyUnicode_InternFromString("as_list")) == NULL)
        return NULL;
    PyObject *result = NULL, *low, *target, *found = NULL, *ops = NULL;
    int eq = lowered_pair(args[0], args[1], &low, &target);
    if (eq < 0) return NULL;
    if (eq == 1) {
        result = PyFloat_FromDouble(0.0);
        goto done;
    }
    found = PyObject_CallFunctionObjArgs(args[3], low, target, NULL);
    if (found == NULL) goto done;
    ops = PyObject_CallMethodNoArgs(found, s_as_list);
    if (ops == NULL) goto done;
    if (!PyList_Check(ops)) {
        PyErr_SetString(PyExc_TypeError, "channel_cost: as_list() gave no list");
        goto done;
    }
    result = channel_loop(args[0], low, target, ops, limit, args[4]);
done:
    Py_DECREF(low);
    Py_XDECREF(target);
    Py_XDECREF(found);
    Py_XDECREF(ops);
    return result;
}

/* reads(src, rows_from, max_run) -> (lows, reads): repair.score.ocr_price._reads
 * compiled: [c.lower() for c in src] and, for each start i, [rows_from(src[i:i + a]) for a
 * in 1 .. min(max_run, n - i)] (the same calls in the same order; issue 14, session 37). */
static PyObject *reads_entry(PyObject *self, PyObject *args) {
    PyObject *src, *rows_from;
    Py_ssize_t max_run;
    if (!PyArg_ParseTuple(args, "UOn", &src, &rows_from, &max_run)) return NULL;
    static PyObject *s_lower = NULL;
    if (s_lower == NULL && (s_lower = PyUnicode_InternFromString("lower")) == NULL) return NULL;
    Py_ssize_t n = PyUnicode_GET_LENGTH(src);
    PyObject *lows = PyList_New(n), *reads = lows == NULL ? NULL : PyList_New(n);
    if (reads == NULL) goto fail;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *ch = PyUnicode_Substring(src, i, i + 1);
        if (ch == NULL) goto fail;
        PyObject *low = PyObject_CallMethodNoArgs(ch, s_lower);
        Py_DECREF(ch);
        if (low == NULL) goto fail;
        PyList_SET_ITEM(lows, i, low);
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_ssize_t top = max_run < n - i ? max_run : n - i;
        PyObject *row = PyList_New(top > 0 ? top : 0);
        if (row == NULL) goto fail;
        PyList_SET_ITEM(reads, i, row);
        for (Py_ssize_t a = 1; a <= top; a++) {
            PyObject *piece = PyUnicode_Substring(src, i, i + a);
            if (piece == NULL) goto fail;
            PyObject *got = PyObject_CallOneArg(rows_from, piece);
            Py_DECREF(piece);
            if (got == NULL) goto fail;
            PyList_SET_ITEM(row, a - 1, got);
        }
    }
    PyObject *out = PyTuple_Pack(2, lows, reads);
    Py_DECREF(lows);
    Py_DECREF(reads);
    return out;
fail:
    Py_XDECREF(lows);
    Py_XDECREF(reads);
    return NULL;
}

/* ---- the bigram table's ln P(b | a) (repair.score.ngrams.NgramTable._bi_lp) ---- */
enum { BG_HIST, BG_FOLL, BG_PREC, BG_OFF, BG_NEXT, BG_COUNT, BG_UNI, BG_N };

typedef struct {
    Py_buffer view[BG_N];
    int held;
    double cont_den, cont_floor, uni_den, listed_lp, oov, discount;
    PyObject *fallback; /* the Python method: asked whenever this code would not agree */
} Bigrams;

static void bigrams_free(PyObject *capsule) {
    Bigrams *g = PyCapsule_GetPointer(capsule, "repair._ocrwalk.bigrams");
    if (g == NULL) return;
    for (int k = 0; k < g->held; k++) PyBuffer_Release(&g->view[k]);
    Py_XDECREF(g->fallback);
    PyMem_Free(g);
}

#define BG_AT(g, k, i) (((const unsigned int *)(g)->view[k].buf)[i])
#define BG_LEN(g, k) ((g)->view[k].len / 4)

static PyObject *bigram_lp(PyObject *capsule, PyObject *const *args, Py_ssize_t nargs) {
    Bigrams *g = PyCapsule_GetPointer(capsule, "repair._ocrwalk.bigrams");
    if (g == NULL) return NULL;
    if (nargs != 2 || !PyLong_CheckExact(args[0]) || !PyLong_CheckExact(args[1]))
        return PyObject_Vectorcall(g->fallback, args, nargs, NULL);
    int of_a = 0, of_b = 0;
    long a = PyLong_AsLongAndOverflow(args[0], &of_a);
    long b = PyLong_AsLongAndOverflow(args[1], &of_b);
    Py_ssize_t size = BG_LEN(g, BG_HIST);
    if (of_a || of_b || a >= size || b >= size || b >= BG_LEN(g, BG_UNI) ||
        b >= BG_LEN(g, BG_PREC) || (a >= 0 && a + 1 >= BG_LEN(g, BG_OFF)))
        return PyObject_Vectorcall(g->fallback, args, nargs, NULL);
    if (a < 0 || BG_AT(g, BG_HIST, a) == 0) { /* _uni_lp(b) */
        if (b < 0) return PyFloat_FromDouble(b == -1 ? g->oov : g->listed_lp);
        return PyFloat_FromDouble(log(((double)BG_AT(g, BG_UNI, b) + 0.5) / g->uni_den));
    }
    double h = (double)BG_AT(g, BG_HIST, a);
    unsigned long c = 0;
    if (b >= 0) { /* _pair_count(a, b): bisect_left over next[lo:hi] */
        Py_ssize_t lo = BG_AT(g, BG_OFF, a), hi = BG_AT(g, BG_OFF, a + 1);
        if (hi > BG_LEN(g, BG_NEXT) || hi > BG_LEN(g, BG_COUNT) || lo > hi)
            return PyObject_Vectorcall(g->fallback, args, nargs, NULL);
        Py_ssize_t l = lo, r = hi;
        while (l < r) {
            Py_ssize_t mid = l + (r - l) / 2;
            if ((long)BG_AT(g, BG_NEXT, mid) < b) l = mid + 1;
            else r = mid;
        }
        if (l < hi && (long)BG_AT(g, BG_NEXT, l) == b) c = BG_AT(g, BG_COUNT, l);
    }
    double cp = b >= 0 ? ((double)BG_AT(g, BG_PREC, b) + 0.5) / g->cont_den
                       : exp(b == -1 ? g->oov : g->cont_floor);
    double x = (double)c - g->discount;
    double mx = 0.0 > x ? 0.0 : x; /* max(x, 0.0) */
    double p = mx / h + g->discount * (double)BG_AT(g, BG_FOLL, a) / h * cp;
    if (!(p > 0.0) || !isfinite(p)) /* math.log's errors: the Python method raises them */
        return PyObject_Vectorcall(g->fallback, args, nargs, NULL);
    return PyFloat_FromDouble(log(p));
}

static PyMethodDef bigram_def = {
    "bi_lp", (PyCFunction)(void (*)(void))bigram_lp, METH_FASTCALL,
    "bi_lp(a, b) -> float: ln P(b | a) of the bigram table, compiled "
    "(repair.score.ngrams.NgramTable._bi_lp)."};

/* bigrams(hist, foll, prec, off, next, count, uni, cont_den, cont_floor, uni_den,
 * listed_lp, oov, discount, fallback) -> callable bi_lp(a, b): the table's arrays
 * (contiguous unsigned 32-bit buffers) read in place; fallback (the Python method) is
 * asked for anything out of range or a log of a non-positive number (issue 14, s. 37). */
static PyObject *bigrams_entry(PyObject *self, PyObject *args) {
    PyObject *arr[BG_N], *fallback;
    Bigrams *g = PyMem_Calloc(1, sizeof(Bigrams));
    if (g == NULL) return PyErr_NoMemory();
    if (!PyArg_ParseTuple(args, "OOOOOOOddddddO", &arr[0], &arr[1], &arr[2], &arr[3], &arr[4],
                          &arr[5], &arr[6], &g->cont_den, &g->cont_floor, &g->uni_den,
                          &g->listed_lp, &g->oov, &g->discount, &fallback)) {
        PyMem_Free(g);
        return NULL;
    }
    for (int k = 0; k < BG_N; k++) {
        if (PyObject_GetBuffer(arr[k], &g->view[k], PyBUF_FORMAT | PyBUF_C_CONTIGUOUS) < 0)
            goto fail;
        g->held = k + 1;
        const char *f = g->view[k].format;
        if (g->view[k].itemsize != 4 || f == NULL || !(strcmp(f, "I") == 0 || strcmp(f, "=I") == 0 ||
                                                        strcmp(f, "@I") == 0)) {
            PyErr_SetString(PyExc_TypeError, "bigrams: arrays must be unsigned 32-bit (I)");
            goto fail;
        }
    }
    Py_INCREF(fallback);
    g->fallback = fallback;
    PyObject *capsule = PyCapsule_New(g, "repair._ocrwalk.bigrams", bigrams_free);
    if (capsule == NULL) goto fail;
    PyObject *fn = PyCFunction_New(&bigram_def, capsule);
    Py_DECREF(capsule);
    return fn;
fail:
    for (int k = 0; k < g->held; k++) PyBuffer_Release(&g->view[k]);
    Py_XDECREF(g->fallback);
    PyMem_Free(g);
    return NULL;
}

/* slot_loop(words, floors, ll, rr, l_ids, r_ids, known_ids, wid, norm, prob, bi, uni,
 * tail, a, b, log_base, unknown) -> list[float]: the per-word loop of
 * repair.candidates.ocr_slot.slot_scores, compiled: the same calls (prob on the same
 * lists, bi/uni on the same ids) and the same float operations in the same order
 * (issue 14, session 37). */
static PyObject *lm_call(PyObject *prob, PyObject *const *items, Py_ssize_t n) {
    PyObject *lst = PyList_New(n);
    if (lst == NULL) return NULL;
    for (Py_ssize_t q = 0; q < n; q++) {
        Py_INCREF(items[q]);
        PyList_SET_ITEM(lst, q, items[q]);
    }
    PyObject *r = PyObject_CallOneArg(prob, lst);
    Py_DECREF(lst);
    return r;
}

static PyObject *slot_loop_entry(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
    if (nargs != 17) {
        PyErr_SetString(PyExc_TypeError, "slot_loop takes 17 arguments");
        return NULL;
    }
    PyObject *words = args[0], *floors = args[1], *ll = args[2], *rr = args[3];
    PyObject *l_ids = args[4], *r_ids = args[5], *known_ids = args[6], *wid = args[7];
    PyObject *norm = args[8], *prob = args[9], *bi = args[10], *uni = args[11];
    if (!PyList_Check(words) || !PyList_Check(ll) || !PyList_Check(rr) || !PyList_Check(l_ids) ||
        !PyList_Check(r_ids) || !PyDict_Check(known_ids) ||
        (floors != Py_None && !PyList_Check(floors)) || PyList_GET_SIZE(ll) > 2 ||
        PyList_GET_SIZE(rr) > 2 || PyList_GET_SIZE(l_ids) != PyList_GET_SIZE(ll) ||
        PyList_GET_SIZE(r_ids) != PyList_GET_SIZE(rr) ||
        (floors != Py_None && PyList_GET_SIZE(floors) != PyList_GET_SIZE(words))) {
        PyErr_SetString(PyExc_TypeError, "slot_loop: bad arguments");
        return NULL;
    }
    double tail = PyFloat_AsDouble(args[12]), wa = PyFloat_AsDouble(args[13]);
    double wb = PyFloat_AsDouble(args[14]), log_base = PyFloat_AsDouble(args[15]);
    double unknown = PyFloat_AsDouble(args[16]);
    if (PyErr_Occurred()) return NULL;
    static PyObject *s_lower = NULL;
    if (s_lower == NULL && (s_lower = PyUnicode_InternFromString("lower")) == NULL) return NULL;
    Py_ssize_t k0 = PyList_GET_SIZE(ll), nr = PyList_GET_SIZE(rr), n = k0 + 1 + nr;
    Py_ssize_t nw = PyList_GET_SIZE(words);
    PyObject *out = PyList_New(0);
    if (out == NULL) return NULL;
    for (Py_ssize_t j = 0; j < nw; j++) {
        double floor = -Py_HUGE_VAL;
        if (floors != Py_None) {
            floor = PyFloat_AsDouble(PyList_GET_ITEM(floors, j));
            if (floor == -1.0 && PyErr_Occurred()) goto fail;
        }
        PyObject *w = PyObject_CallMethodNoArgs(PyList_GET_ITEM(words, j), s_lower);
        if (w == NULL) goto fail;
        PyObject *seq[5], *ids[5];
        for (Py_ssize_t q = 0; q < k0; q++) {
            seq[q] = PyList_GET_ITEM(ll, q);
            ids[q] = PyList_GET_ITEM(l_ids, q);
        }
        seq[k0] = w;
        for (Py_ssize_t q = 0; q < nr; q++) {
            seq[k0 + 1 + q] = PyList_GET_ITEM(rr, q);
            ids[k0 + 1 + q] = PyList_GET_ITEM(r_ids, q);
        }
        PyObject *id_w = PyDict_GetItemWithError(known_ids, w); /* borrowed */
        if (id_w != NULL && id_w != Py_None) { /* known_ids.get(w) is not None */
            Py_INCREF(id_w);
        } else {
            if (id_w == NULL && PyErr_Occurred()) {
                Py_DECREF(w);
                goto fail;
            }
            PyObject *normed = PyObject_CallOneArg(norm, w);
            id_w = normed == NULL ? NULL : PyObject_CallOneArg(wid, normed);
            Py_XDECREF(normed);
            if (id_w == NULL) {
                Py_DECREF(w);
                goto fail;
            }
        }
        ids[k0] = id_w;
        double score = 0.0;
        int err = 0;
        for (Py_ssize_t k = k0; k < n; k++) {
            PyObject *r, *items[3];
            if (k >= 2) {
                items[0] = seq[k];
                items[1] = seq[k - 1];
                items[2] = seq[k - 2];
                r = lm_call(prob, items, 3);
            } else if (k == 1) {
                items[0] = seq[1];
                items[1] = seq[0];
                r = lm_call(prob, items, 2);
            } else {
                items[0] = seq[0];
                r = lm_call(prob, items, 1);
            }
            if (r == NULL) {
                err = 1;
                break;
            }
            double raw = PyFloat_AsDouble(r); /* an int raw converts as float(raw) */
            Py_DECREF(r);
            if (raw == -1.0 && PyErr_Occurred()) {
                err = 1;
                break;
            }
            double p_lm; /* LanguageModel._scaled */
            if (raw <= -100000000.0) {
                p_lm = unknown;
            } else {
                double x = raw * log_base;
                p_lm = unknown > x ? unknown : x;
            }
            double p_ng;
            if (k == k0 + 2) {
                p_ng = tail;
            } else {
                PyObject *g = k ? PyObject_CallFunctionObjArgs(bi, ids[k - 1], ids[k], NULL)
                                : PyObject_CallOneArg(uni, ids[k]);
                if (g == NULL) {
                    err = 1;
                    break;
                }
                double gv = PyFloat_AsDouble(g);
                Py_DECREF(g);
                if (gv == -1.0 && PyErr_Occurred()) {
                    err = 1;
                    break;
                }
                p_ng = exp(gv);
            }
            double y = wa * exp(p_lm) + wb * p_ng;
            if (y <= 0.0) { /* math.log's error (a NaN goes through, as in math.log) */
                PyErr_SetString(PyExc_ValueError, "math domain error");
                err = 1;
                break;
            }
            score += log(y);
            if (score < floor) {
                score = -Py_HUGE_VAL;
                break;
            }
        }
        Py_DECREF(w);
        Py_DECREF(id_w);
        if (err) goto fail;
        PyObject *f = PyFloat_FromDouble(score);
        if (f == NULL || PyList_Append(out, f) < 0) {
            Py_XDECREF(f);
            goto fail;
        }
        Py_DECREF(f);
    }
    return out;
fail:
    Py_DECREF(out);
    return NULL;
}

/* one_letter_found(low, letters, targets) -> set: the strings ``low`` with one glyph
 * replaced by each of ``letters`` (place by place, the letters in order) that are in the
 * set ``targets``, added to a new set in that order: the set
 * ``targets.intersection([low[:at] + b + low[at + 1:] for at ... for b in letters])``
 * builds, entry by entry (the same insertions: the same iteration order), with no list
 * of forms (repair.candidates.ocr_pagehabit.type_subs; issue 14, session 22). */
static PyObject *one_letter_found_entry(PyObject *self, PyObject *args) {
    PyObject *low, *letters, *targets;
    if (!PyArg_ParseTuple(args, "UUO", &low, &letters, &targets)) return NULL;
    if (!PyAnySet_Check(targets)) {
        PyErr_SetString(PyExc_TypeError, "one_letter_found: targets must be a set");
        return NULL;
    }
    Py_ssize_t n = PyUnicode_GET_LENGTH(low), nl = PyUnicode_GET_LENGTH(letters);
    PyObject *found = PySet_New(NULL);
    if (found == NULL) return NULL;
    if (n == 0 || nl == 0) return found;
    Py_UCS4 *buf = PyUnicode_AsUCS4Copy(low);
    Py_UCS4 *subs = buf == NULL ? NULL : PyUnicode_AsUCS4Copy(letters);
    if (subs == NULL) {
        PyMem_Free(buf);
        Py_DECREF(found);
        return NULL;
    }
    int ascii = PyUnicode_IS_ASCII(low) && PyUnicode_IS_ASCII(letters);
    for (Py_ssize_t at = 0; at < n; at++) {
        Py_UCS4 was = buf[at];
        for (Py_ssize_t k = 0; k < nl; k++) {
            buf[at] = subs[k];
            PyObject *form;
            if (ascii) {
                form = PyUnicode_New(n, 127);
                if (form != NULL) {
                    Py_UCS1 *data = PyUnicode_1BYTE_DATA(form);
                    for (Py_ssize_t q = 0; q < n; q++) data[q] = (Py_UCS1)buf[q];
                }
            } else {
                form = PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, buf, n);
            }
            if (form == NULL) goto fail;
            int rc = PySet_Contains(targets, form);
            if (rc == 1) rc = PySet_Add(found, form);
            Py_DECREF(form);
            if (rc < 0) goto fail;
        }
        buf[at] = was;
    }
    PyMem_Free(buf);
    PyMem_Free(subs);
    return found;
fail:
    PyMem_Free(buf);
    PyMem_Free(subs);
    Py_DECREF(found);
    return NULL;
}

/* walk_plan(token, windows, longest, kept, window_rows) -> (options, cheapest, rest,
 * lows, low_rest): repair.score.ocr_channel._walk_plan of an ASCII token, compiled.  The
 * same dict ``windows`` read and filled (emptied first when it holds ``kept`` windows),
 * ``window_rows`` called on each window it lacks, the same lists (issue 14, session 22). */
static PyObject *walk_plan_entry(PyObject *self, PyObject *args) {
    PyObject *token, *windows, *window_rows;
    Py_ssize_t longest, kept;
    if (!PyArg_ParseTuple(args, "UO!nnO", &token, &PyDict_Type, &windows, &longest, &kept,
                          &window_rows))
        return NULL;
    if (!PyUnicode_IS_ASCII(token) || longest < 1) {
        PyErr_SetString(PyExc_ValueError, "walk_plan: an ASCII token and longest >= 1");
        return NULL;
    }
    Py_ssize_t n = PyUnicode_GET_LENGTH(token);
    PyObject *options = PyList_New(n + 1), *cheapest = PyList_New(n + 1);
    PyObject *rest = PyList_New(n + 1), *lows = PyList_New(n), *low_rest = PyList_New(n + 1);
    PyObject *lowered = NULL, *result = NULL;
    double *best = PyMem_Malloc((n + 1) * sizeof(double));
    if (!options || !cheapest || !rest || !lows || !low_rest || !best) {
        if (best == NULL) PyErr_NoMemory();
        goto done;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *window = PyUnicode_Substring(token, i, i + longest < n ? i + longest : n);
        if (window == NULL) goto done;
        PyObject *known = PyDict_GetItemWithError(windows, window);
        if (known != NULL) {
            Py_INCREF(known);
        } else if (PyErr_Occurred()) {
            Py_DECREF(window);
            goto done;
        } else {
            if (PyDict_GET_SIZE(windows) >= kept) PyDict_Clear(windows);
            known = PyObject_CallOneArg(window_rows, window);
            if (known == NULL || PyDict_SetItem(windows, window, known) < 0) {
                Py_XDECREF(known);
                Py_DECREF(window);
                goto done;
            }
        }
        Py_DECREF(window);
        if (!PyTuple_Check(known) || PyTuple_GET_SIZE(known) != 2) {
            Py_DECREF(known);
            PyErr_SetString(PyExc_TypeError, "walk_plan: window_rows must give (rows, cost)");
            goto done;
        }
        PyObject *rows = PyTuple_GET_ITEM(known, 0), *cost = PyTuple_GET_ITEM(known, 1);
        best[i] = PyFloat_AsDouble(cost);
        if (best[i] == -1.0 && PyErr_Occurred()) {
            Py_DECREF(known);
            goto done;
        }
        Py_INCREF(rows);
        PyList_SET_ITEM(options, i, rows);
        Py_INCREF(cost);
        PyList_SET_ITEM(cheapest, i, cost); /* the table's own float, as in Python */
        Py_DECREF(known);
    }
    PyObject *none = PyTuple_New(0); /* nothing is read past the end */
    if (none == NULL) goto done;
    PyList_SET_ITEM(options, n, none);
    best[n] = Py_HUGE_VAL;
    PyObject *inf = PyFloat_FromDouble(Py_HUGE_VAL);
    if (inf == NULL) goto done;
    PyList_SET_ITEM(cheapest, n, inf);
    for (Py_ssize_t i = n - 1; i >= 0; i--) {
        if (best[i + 1] < best[i]) { /* the cheapest row at or after i: the same object */
            best[i] = best[i + 1];
            PyObject *later = PyList_GET_ITEM(cheapest, i + 1);
            Py_INCREF(later);
            PyList_SetItem(cheapest, i, later);
        }
    }
    lowered = PyObject_CallMethod(token, "lower", NULL);
    if (lowered == NULL) goto done;
    for (Py_ssize_t i = 0; i <= n; i++) {
        PyObject *a = PyUnicode_Substring(token, i, n);
        if (a == NULL) goto done;
        PyList_SET_ITEM(rest, i, a);
        PyObject *b = PyUnicode_Substring(lowered, i, n);
        if (b == NULL) goto done;
        PyList_SET_ITEM(low_rest, i, b);
        if (i < n) {
            PyObject *c = PyUnicode_Substring(lowered, i, i + 1);
            if (c == NULL) goto done;
            PyList_SET_ITEM(lows, i, c);
        }
    }
    result = PyTuple_Pack(5, options, cheapest, rest, lows, low_rest);
done:
    PyMem_Free(best);
    Py_XDECREF(options);
    Py_XDECREF(cheapest);
    Py_XDECREF(rest);
    Py_XDECREF(lows);
    Py_XDECREF(low_rest);
    Py_XDECREF(lowered);
    return result;
}

/* ---- the OCR scorer's decision (repair.score.ocr.Scorer._decide), compiled ---- */

static PyObject *str_below = NULL, *str_gain = NULL, *str_lower = NULL;

/* Scorer.seq: the sequence score of words between prev and nxt, by the flat key
 * (*words, None, *before, None, *after) in seq, else taken out of old_seq, else asked of
 * lm.sequence_logprob((*words, *after), before) and stored in seq.  A new reference. */
/* The language model's sum (repair.resources.lm.LanguageModel.sequence_logprob) over
 * the n words ws after the history before, asked of the model's prob (a new list of the
 * lowered word and up to two lowered history words each time), each raw score scaled
 * as _scaled does: the same float additions in the same order.  A new reference. */
static PyObject *lm_sum(PyObject *prob, double log_base, double unknown, PyObject *ws,
                        PyObject *before) {
    PyObject *b = PySequence_Fast(before, "decide: history must be a sequence");
    if (b == NULL) return NULL;
    Py_ssize_t nb = PySequence_Fast_GET_SIZE(b);
    PyObject *h1 = NULL, *h2 = NULL, *low = NULL;
    double total = 0.0;
    if (nb >= 1 && (h1 = PyObject_CallMethodNoArgs(PySequence_Fast_GET_ITEM(b, nb - 1), str_lower)) == NULL)
        goto fail;
    if (nb >= 2 && (h2 = PyObject_CallMethodNoArgs(PySequence_Fast_GET_ITEM(b, nb - 2), str_lower)) == NULL)
        goto fail;
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(ws); i++) {
        low = PyObject_CallMethodNoArgs(PyTuple_GET_ITEM(ws, i), str_lower);
        if (low == NULL) goto fail;
        Py_ssize_t k = h2 != NULL ? 3 : (h1 != NULL ? 2 : 1);
        PyObject *gram = PyList_New(k);
        if (gram == NULL) goto fail;
        Py_INCREF(low);
        PyList_SET_ITEM(gram, 0, low);
        if (k >= 2) {
            Py_INCREF(h1);
            PyList_SET_ITEM(gram, 1, h1);
        }
        if (k >= 3) {
            Py_INCREF(h2);
            PyList_SET_ITEM(gram, 2, h2);
        }
        PyObject *r = PyObject_CallOneArg(prob, gram);
        Py_DECREF(gram);
        if (r == NULL) goto fail;
        double raw = PyFloat_AsDouble(r); /* an int: exact as a double */
        Py_DECREF(r);
        if (raw == -1.0 && PyErr_Occurred()) goto fail;
        if (raw <= -100000000.0) {
            total += unknown;
        } else {
            double v = raw * log_base;
            total += unknown > v ? unknown : v; /* max(v, unknown) */
        }
        Py_XDECREF(h2);
        h2 = h1;
        h1 = low;
        low = NULL;
    }
    Py_XDECREF(h1);
    Py_XDECREF(h2);
    Py_DECREF(b);
    return PyFloat_FromDouble(total);
fail:
    Py_XDECREF(low);
    Py_XDECREF(h1);
    Py_XDECREF(h2);
    Py_DECREF(b);
    return NULL;
}

typedef struct {
    PyObject *lm, *prob; /* prob: the model's prob, or None: ask lm.sequence_logprob */
    double log_base, unknown;
} LmSpec;

static PyObject *seq_score(PyObject *seq, PyObject *old_seq, LmSpec *spec, PyObject *words,
                           PyObject *prev, PyObject *nxt) {
    PyObject *w = PySequence_Fast(words, "decide: words must be a sequence");
    if (w == NULL) return NULL;
    PyObject *p = PySequence_Fast(prev, "decide: prev must be a sequence");
    if (p == NULL) {
        Py_DECREF(w);
        return NULL;
    }
    PyObject *x = PySequence_Fast(nxt, "decide: nxt must be a sequence");
    if (x == NULL) {
        Py_DECREF(w);
        Py_DECREF(p);
        return NULL;
    }
    Py_ssize_t nw = PySequence_Fast_GET_SIZE(w), np = PySequence_Fast_GET_SIZE(p);
    Py_ssize_t nx = PySequence_Fast_GET_SIZE(x);
    Py_ssize_t bp = np > 2 ? np - 2 : 0; /* before = prev[-2:] */
    Py_ssize_t ax = nx > 2 ? 2 : nx;     /* after = nxt[:2] */
    PyObject *result = NULL, *key = PyTuple_New(nw + (np - bp) + ax + 2);
    if (key == NULL) goto done;
    Py_ssize_t at = 0;
    for (Py_ssize_t i = 0; i < nw; i++, at++) {
        PyObject *o = PySequence_Fast_GET_ITEM(w, i);
        Py_INCREF(o);
        PyTuple_SET_ITEM(key, at, o);
    }
    Py_INCREF(Py_None);
    PyTuple_SET_ITEM(key, at++, Py_None);
    for (Py_ssize_t i = bp; i < np; i++, at++) {
        PyObject *o = PySequence_Fast_GET_ITEM(p, i);
        Py_INCREF(o);
        PyTuple_SET_ITEM(key, at, o);
    }
    Py_INCREF(Py_None);
    PyTuple_SET_ITEM(key, at++, Py_None);
    for (Py_ssize_t i = 0; i < ax; i++, at++) {
        PyObject *o = PySequence_Fast_GET_ITEM(x, i);
        Py_INCREF(o);
        PyTuple_SET_ITEM(key, at, o);
    }
    PyObject *lp = PyDict_GetItemWithError(seq, key); /* borrowed */
    if (lp != NULL && lp != Py_None) {
        Py_INCREF(lp);
        result = lp;
        goto done;
    }
    if (PyErr_Occurred()) goto done;
    lp = PyDict_GetItemWithError(old_seq, key);
    if (lp != NULL && lp != Py_None) {
        Py_INCREF(lp);
        if (PyDict_DelItem(old_seq, key) < 0) {
            Py_DECREF(lp);
            goto done;
        }
    } else {
        if (PyErr_Occurred()) goto done;
        if (lp == Py_None && PyDict_DelItem(old_seq, key) < 0) goto done;
        PyObject *ws = PyTuple_New(nw + ax);
        if (ws == NULL) goto done;
        for (Py_ssize_t i = 0; i < nw; i++) {
            PyObject *o = PySequence_Fast_GET_ITEM(w, i);
            Py_INCREF(o);
            PyTuple_SET_ITEM(ws, i, o);
        }
        for (Py_ssize_t i = 0; i < ax; i++) {
            PyObject *o = PySequence_Fast_GET_ITEM(x, i);
            Py_INCREF(o);
            PyTuple_SET_ITEM(ws, nw + i, o);
        }
        PyObject *before = np > 2 ? PySequence_GetSlice(prev, bp, np) : (Py_INCREF(prev), prev);
        if (before == NULL) {
            Py_DECREF(ws);
            goto done;
        }
        static PyObject *name = NULL;
        if (name == NULL && (name = PyUnicode_InternFromString("sequence_logprob")) == NULL) {
            Py_DECREF(ws);
            Py_DECREF(before);
            goto done;
        }
        if (spec->prob != Py_None)
            lp = lm_sum(spec->prob, spec->log_base, spec->unknown, ws, before);
        else
            lp = PyObject_CallMethodObjArgs(spec->lm, name, ws, before, NULL);
        Py_DECREF(ws);
        Py_DECREF(before);
        if (lp == NULL) goto done;
    }
    if (PyDict_SetItem(seq, key, lp) < 0) {
        Py_DECREF(lp);
        goto done;
    }
    result = lp;
done:
    Py_XDECREF(key);
    Py_DECREF(w);
    Py_DECREF(p);
    Py_DECREF(x);
    return result;
}


/* decide(seq, old_seq, lm, zipf, decision, SPLIT_OOV_CHARGE, PRIOR_PER_ZIPF,
 *        REALWORD_THRESHOLD, NONWORD_THRESHOLD, prob, LOG_BASE, UNKNOWN_LOGPROB,
 *        orig, alt, prev, nxt, cost, orig_known, threshold, split_charge, prior_per_zipf)
 * -> decision: Scorer._decide with the two Scorer.seq calls, the same float operations
 * in the same order, and the Decision built as tuple.__new__ builds it
 * (repair.score.ocr_decide_fast; issue 14, session 24).  The first twelve arguments are
 * the scorer's and the modules' (bound once by a partial); prob is the model's n-gram
 * score (the sum of LanguageModel.sequence_logprob made here) or None (lm's method asked). */
static PyObject *decide_entry(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
    if (nargs != 21) {
        PyErr_SetString(PyExc_TypeError, "decide: 21 arguments");
        return NULL;
    }
    PyObject *seq = args[0], *old_seq = args[1], *zipf = args[3];
    PyObject *dtype = args[4], *orig = args[12], *alt = args[13], *prev = args[14];
    PyObject *nxt = args[15], *cost_o = args[16], *thr_o = args[18], *ppz = args[20];
    LmSpec spec = {args[2], args[9], 0.0, 0.0};
    spec.log_base = PyFloat_AsDouble(args[10]);
    if (spec.log_base == -1.0 && PyErr_Occurred()) return NULL;
    spec.unknown = PyFloat_AsDouble(args[11]);
    if (spec.unknown == -1.0 && PyErr_Occurred()) return NULL;
    if (!PyDict_CheckExact(seq) || !PyDict_CheckExact(old_seq) || !PyType_Check(dtype) ||
        !PyType_IsSubtype((PyTypeObject *)dtype, &PyTuple_Type)) {
        PyErr_SetString(PyExc_TypeError, "decide: two dicts and a tuple type");
        return NULL;
    }
    if (str_below == NULL) {
        str_below = PyUnicode_InternFromString("margin_below_threshold");
        str_gain = PyUnicode_InternFromString("lm_gain");
        str_lower = PyUnicode_InternFromString("lower");
        if (str_below == NULL || str_gain == NULL || str_lower == NULL) return NULL;
    }
    int orig_known = PyObject_IsTrue(args[17]);
    int split_charge = PyObject_IsTrue(args[19]);
    if (orig_known < 0 || split_charge < 0) return NULL;
    double cost = PyFloat_AsDouble(cost_o);
    if (cost == -1.0 && PyErr_Occurred()) return NULL;
    Py_ssize_t n_orig = PyObject_Length(orig), n_alt = PyObject_Length(alt);
    if (n_orig < 0 || n_alt < 0) return NULL;

    PyObject *o = seq_score(seq, old_seq, &spec, orig, prev, nxt);
    if (o == NULL) return NULL;
    double lp_orig = PyFloat_AsDouble(o);
    Py_DECREF(o);
    if (lp_orig == -1.0 && PyErr_Occurred()) return NULL;
    if (split_charge && !orig_known && n_alt > n_orig) {
        double charge = PyFloat_AsDouble(args[5]);
        if (charge == -1.0 && PyErr_Occurred()) return NULL;
        lp_orig += charge * (double)(n_alt - n_orig);
    }
    o = seq_score(seq, old_seq, &spec, alt, prev, nxt);
    if (o == NULL) return NULL;
    double lp_alt = PyFloat_AsDouble(o);
    Py_DECREF(o);
    if (lp_alt == -1.0 && PyErr_Occurred()) return NULL;
    double gain = lp_alt - lp_orig;
    PyObject *word = Py_None;
    if (n_orig == 1) {
        word = PySequence_GetItem(orig, 0);
        if (word == NULL) return NULL;
    } else {
        Py_INCREF(word);
    }
    double margin;
    if (orig_known) {
        double orig_z = 0.0;
        if (word != Py_None) {
            PyObject *low = PyObject_CallMethodNoArgs(word, str_lower);
            if (low == NULL) goto fail;
            PyObject *z = PyObject_CallOneArg(zipf, low);
            Py_DECREF(low);
            if (z == NULL) goto fail;
            orig_z = PyFloat_AsDouble(z);
            Py_DECREF(z);
            if (orig_z == -1.0 && PyErr_Occurred()) goto fail;
        }
        double per_zipf = PyFloat_AsDouble(ppz == Py_None ? args[6] : ppz);
        if (per_zipf == -1.0 && PyErr_Occurred()) goto fail;
        margin = gain - cost - per_zipf * orig_z;
    } else {
        margin = gain - cost - 0.0;
    }
    if (thr_o == Py_None) thr_o = orig_known ? args[7] : args[8];
    double thr = PyFloat_AsDouble(thr_o);
    if (thr == -1.0 && PyErr_Occurred()) goto fail;
    PyObject *items = PyTuple_New(8);
    if (items == NULL) goto fail;
    int accept = !(margin < thr);
    double confidence = 0.0;
    if (accept) {
        confidence = 1.0 / (1.0 + exp(-(margin - thr + 1.0)));
        if (!(confidence > 0.5)) confidence = 0.5; /* max(0.5, confidence) */
    }
    PyObject *vals[8];
    vals[0] = accept ? Py_True : Py_False;
    Py_INCREF(vals[0]);
    vals[1] = accept ? str_gain : str_below;
    Py_INCREF(vals[1]);
    vals[2] = PyFloat_FromDouble(margin);
    vals[3] = PyFloat_FromDouble(confidence);
    vals[4] = PyFloat_FromDouble(gain);
    vals[5] = cost_o;
    Py_INCREF(cost_o);
    vals[6] = word; /* the reference taken above */
    vals[7] = thr_o;
    Py_INCREF(thr_o);
    for (int q = 0; q < 8; q++) PyTuple_SET_ITEM(items, q, vals[q]);
    if (vals[2] == NULL || vals[3] == NULL || vals[4] == NULL) {
        Py_DECREF(items);
        return NULL;
    }
    PyObject *targs = PyTuple_Pack(1, items);
    Py_DECREF(items);
    if (targs == NULL) return NULL;
    PyObject *d = PyTuple_Type.tp_new((PyTypeObject *)dtype, targs, NULL);
    Py_DECREF(targs);
    return d;
fail:
    Py_DECREF(word);
    return NULL;
}

/* ---- the OCR scorer's loop over a page's candidates (repair.score.ocr._decide_all) ---- */

static PyObject *s_fixed = NULL, *s_orig, *s_alt, *s_cost, *s_orig_known, *s_threshold,
                *s_finding, *s_ppz, *s_start, *s_end, *s_features, *s_evidence, *s_fallback,
                *s_put;

static int loop_strings(void) {
    if (s_fixed != NULL) return 0;
    s_orig = PyUnicode_InternFromString("orig");
    s_alt = PyUnicode_InternFromString("alt");
    s_cost = PyUnicode_InternFromString("cost");
    s_orig_known = PyUnicode_InternFromString("orig_known");
    s_threshold = PyUnicode_InternFromString("threshold");
    s_finding = PyUnicode_InternFromString("finding");
    s_ppz = PyUnicode_InternFromString("prior_per_zipf");
    s_start = PyUnicode_InternFromString("start");
    s_end = PyUnicode_InternFromString("end");
    s_features = PyUnicode_InternFromString("features");
    s_evidence = PyUnicode_InternFromString("evidence");
    s_fallback = PyUnicode_InternFromString("fallback");
    s_put = PyUnicode_InternFromString("put");
    if (s_orig == NULL || s_alt == NULL || s_cost == NULL || s_orig_known == NULL ||
        s_threshold == NULL || s_finding == NULL || s_ppz == NULL || s_start == NULL ||
        s_end == NULL || s_features == NULL || s_evidence == NULL || s_fallback == NULL ||
        s_put == NULL)
        return -1;
    s_fixed = PyUnicode_InternFromString("fixed");
    return s_fixed == NULL ? -1 : 0;
}

/* f[key] (a new reference), KeyError when absent, as f[key] raises it */
static PyObject *item_of(PyObject *f, PyObject *key) {
    PyObject *v = PyDict_GetItemWithError(f, key);
    if (v == NULL) {
        if (!PyErr_Occurred()) PyErr_SetObject(PyExc_KeyError, key);
        return NULL;
    }
    Py_INCREF(v);
    return v;
}

/* groups.setdefault(span, []).append(item) */
static int group_append(PyObject *groups, PyObject *span, PyObject *item) {
    PyObject *lst = PyDict_GetItemWithError(groups, span);
    if (lst == NULL) {
        if (PyErr_Occurred()) return -1;
        lst = PyList_New(0);
        if (lst == NULL) return -1;
        int r = PyDict_SetItem(groups, span, lst);
        Py_DECREF(lst); /* the dict holds it */
        if (r < 0) return -1;
    }
    return PyList_Append(lst, item);
}

static PyObject *s_gain_key = NULL, *s_cost_key, *s_zipf_key, *s_margin_key, *two = NULL;

/* round(x, 2) as the builtin round (a[29]) gives it: a new reference */
static PyObject *round2(PyObject *const *a, PyObject *x) {
    PyObject *args[2] = {x, two};
    return PyObject_Vectorcall(a[29], args, 2, NULL);
}

/* Decision.evidence of a plain Decision (a[27]): the same dict, its values made by the
 * same calls in the same order (zipf of the lowered word, then round(., 2) of the gain,
 * the cost, the Zipf and the margin); another type's own property is read. */
static PyObject *plain_evidence(PyObject *const *a, PyObject *d) {
    if (Py_TYPE(d) != (PyTypeObject *)a[27]) return PyObject_GetAttr(d, s_evidence);
    if (s_gain_key == NULL) {
        s_gain_key = PyUnicode_InternFromString("lm_logprob_gain");
        s_cost_key = PyUnicode_InternFromString("confusion_cost");
        s_zipf_key = PyUnicode_InternFromString("original_zipf");
        s_margin_key = PyUnicode_InternFromString("margin");
        two = PyLong_FromLong(2);
        if (s_gain_key == NULL || s_cost_key == NULL || s_zipf_key == NULL ||
            s_margin_key == NULL || two == NULL)
            return NULL;
    }
    PyObject *word = PyTuple_GET_ITEM(d, 6), *z;
    if (word != Py_None) {
        PyObject *low = PyObject_CallMethodNoArgs(word, str_lower);
        if (low == NULL) return NULL;
        z = PyObject_CallOneArg(a[28], low);
        Py_DECREF(low);
    } else {
        z = PyFloat_FromDouble(0.0);
    }
    if (z == NULL) return NULL;
    PyObject *vals[4] = {NULL, NULL, NULL, NULL}, *ev = NULL;
    if ((vals[0] = round2(a, PyTuple_GET_ITEM(d, 4))) == NULL) goto done;
    if ((vals[1] = round2(a, PyTuple_GET_ITEM(d, 5))) == NULL) goto done;
    if ((vals[2] = round2(a, z)) == NULL) goto done;
    if ((vals[3] = round2(a, PyTuple_GET_ITEM(d, 2))) == NULL) goto done;
    if ((ev = PyDict_New()) == NULL) goto done;
    if (PyDict_SetItem(ev, s_gain_key, vals[0]) < 0 || PyDict_SetItem(ev, s_cost_key, vals[1]) < 0 ||
        PyDict_SetItem(ev, s_zipf_key, vals[2]) < 0 ||
        PyDict_SetItem(ev, s_margin_key, vals[3]) < 0 ||
        PyDict_SetItem(ev, s_threshold, PyTuple_GET_ITEM(d, 7)) < 0) {
        Py_CLEAR(ev);
    }
done:
    Py_DECREF(z);
    for (int q = 0; q < 4; q++) Py_XDECREF(vals[q]);
    return ev;
}

/* _Context.around(start, end) (a[3]) where the two words either side are one word each,
 * read as it reads them (a[30], a[31]: bisect_right, bisect_left; a[32] starts, a[33]
 * ends, a[34] texts); else the method itself.  A new reference. */
static PyObject *context_of(PyObject *const *a, PyObject *start, PyObject *end) {
    PyObject *texts = a[34];
    PyObject *args[2] = {a[33], start};
    PyObject *io = PyObject_Vectorcall(a[30], args, 2, NULL);
    if (io == NULL) return NULL;
    Py_ssize_t i = PyLong_AsSsize_t(io);
    Py_DECREF(io);
    if (i == -1 && PyErr_Occurred()) return NULL;
    args[0] = a[32];
    args[1] = end;
    PyObject *jo = PyObject_Vectorcall(a[31], args, 2, NULL);
    if (jo == NULL) return NULL;
    Py_ssize_t j = PyLong_AsSsize_t(jo);
    Py_DECREF(jo);
    if (j == -1 && PyErr_Occurred()) return NULL;
    if (PyList_CheckExact(texts) && i >= 2 && j + 1 < PyList_GET_SIZE(texts)) {
        PyObject *w[4] = {PyList_GET_ITEM(texts, i - 2), PyList_GET_ITEM(texts, i - 1),
                          PyList_GET_ITEM(texts, j), PyList_GET_ITEM(texts, j + 1)};
        int one = 1;
        for (int q = 0; q < 4 && one; q++)
            one = (PyTuple_CheckExact(w[q]) || PyList_CheckExact(w[q])) && Py_SIZE(w[q]) == 1;
        if (one) {
            PyObject *prev = PyList_New(2), *nxt = PyList_New(2);
            if (prev == NULL || nxt == NULL) {
                Py_XDECREF(prev);
                Py_XDECREF(nxt);
                return NULL;
            }
            for (int q = 0; q < 4; q++) {
                PyObject *o = PySequence_Fast_GET_ITEM(w[q], 0);
                Py_INCREF(o);
                PyList_SET_ITEM(q < 2 ? prev : nxt, q % 2, o);
            }
            PyObject *r = PyTuple_Pack(2, prev, nxt);
            Py_DECREF(prev);
            Py_DECREF(nxt);
            return r;
        }
    }
    return PyObject_CallFunctionObjArgs(a[3], start, end, NULL);
}

/* d.evidence with ev["finding"] = finding: a new reference */
static PyObject *evidence_of(PyObject *const *a, PyObject *d, PyObject *finding) {
    PyObject *ev = plain_evidence(a, d);
    if (ev == NULL) return NULL;
    if (PyObject_SetItem(ev, s_finding, finding) < 0) {
        Py_DECREF(ev);
        return NULL;
    }
    return ev;
}

/* (margin, c, ev): a new reference (ev's reference is taken) */
static PyObject *entry_of(PyObject *margin, PyObject *c, PyObject *ev) {
    if (ev == NULL) return NULL;
    PyObject *t = PyTuple_Pack(3, margin, c, ev);
    Py_DECREF(ev);
    return t;
}

typedef struct {
    PyObject *around, *word, *code, *whole, *reasons, *dtype, *memo;
    Py_buffer num; /* the memo's doubles, five a candidate */
} Memo;

/* DecisionMemo._decision(k, code): a new reference */
static PyObject *memo_decision(Memo *m, Py_ssize_t k, int code) {
    if (code == 255) {
        PyObject *key = PyLong_FromSsize_t(k);
        if (key == NULL) return NULL;
        PyObject *d = PyDict_GetItemWithError(m->whole, key);
        if (d == NULL && !PyErr_Occurred()) PyErr_SetObject(PyExc_KeyError, key);
        Py_DECREF(key);
        Py_XINCREF(d);
        return d;
    }
    double *num = (double *)m->num.buf + 5 * k;
    code -= 1;
    PyObject *items = PyTuple_New(8);
    if (items == NULL) return NULL;
    PyObject *vals[8];
    vals[0] = (code & 1) ? Py_True : Py_False;
    Py_INCREF(vals[0]);
    vals[1] = PyTuple_GET_ITEM(m->reasons, code >> 1);
    Py_INCREF(vals[1]);
    vals[2] = PyFloat_FromDouble(num[0]);
    vals[3] = PyFloat_FromDouble(num[1]);
    vals[4] = PyFloat_FromDouble(num[2]);
    vals[5] = PyFloat_FromDouble(num[3]);
    vals[6] = PyList_GET_ITEM(m->word, k);
    Py_INCREF(vals[6]);
    vals[7] = PyFloat_FromDouble(num[4]);
    for (int q = 0; q < 8; q++) PyTuple_SET_ITEM(items, q, vals[q]);
    if (vals[2] == NULL || vals[3] == NULL || vals[4] == NULL || vals[5] == NULL ||
        vals[7] == NULL) {
        Py_DECREF(items);
        return NULL;
    }
    PyObject *targs = PyTuple_Pack(1, items);
    Py_DECREF(items);
    if (targs == NULL) return NULL;
    PyObject *d = PyTuple_Type.tp_new((PyTypeObject *)m->dtype, targs, NULL);
    Py_DECREF(targs);
    return d;
}

/* DecisionMemo.put(k, around, d) for k inside the grown memo */
static int memo_put(Memo *m, Py_ssize_t k, PyObject *around, PyObject *d) {
    if (k >= PyByteArray_GET_SIZE(m->code) || !PyTuple_Check(d) || PyTuple_GET_SIZE(d) != 8) {
        PyObject *r = PyObject_CallMethod(m->memo, "put", "nOO", k, around, d);
        Py_XDECREF(r);
        return r == NULL ? -1 : 0;
    }
    Py_INCREF(around);
    if (PyList_SetItem(m->around, k, around) < 0) return -1;
    PyObject *accept = PyTuple_GET_ITEM(d, 0), *reason = PyTuple_GET_ITEM(d, 1);
    PyObject *word = PyTuple_GET_ITEM(d, 6);
    int known = PySequence_Contains(m->reasons, reason);
    if (known < 0) return -1;
    int plain = known && PyBool_Check(accept) && (word == Py_None || PyUnicode_CheckExact(word));
    for (int q = 2; plain && q < 8; q++)
        if (q != 6 && !PyFloat_CheckExact(PyTuple_GET_ITEM(d, q))) plain = 0;
    unsigned char *code = (unsigned char *)PyByteArray_AS_STRING(m->code);
    if (plain) {
        if (PyDict_GET_SIZE(m->whole)) {
            PyObject *key = PyLong_FromSsize_t(k);
            if (key == NULL) return -1;
            int has = PyDict_Contains(m->whole, key);
            if (has > 0) has = PyDict_DelItem(m->whole, key);
            Py_DECREF(key);
            if (has < 0) return -1;
        }
        Py_ssize_t idx = PySequence_Index(m->reasons, reason);
        if (idx < 0) return -1;
        code[k] = (unsigned char)(1 + (accept == Py_True) + 2 * idx);
        Py_INCREF(word);
        if (PyList_SetItem(m->word, k, word) < 0) return -1;
        double *num = (double *)m->num.buf + 5 * k;
        num[0] = PyFloat_AS_DOUBLE(PyTuple_GET_ITEM(d, 2));
        num[1] = PyFloat_AS_DOUBLE(PyTuple_GET_ITEM(d, 3));
        num[2] = PyFloat_AS_DOUBLE(PyTuple_GET_ITEM(d, 4));
        num[3] = PyFloat_AS_DOUBLE(PyTuple_GET_ITEM(d, 5));
        num[4] = PyFloat_AS_DOUBLE(PyTuple_GET_ITEM(d, 7));
    } else {
        code[k] = 255;
        Py_INCREF(Py_None);
        if (PyList_SetItem(m->word, k, Py_None) < 0) return -1;
        PyObject *key = PyLong_FromSsize_t(k);
        if (key == NULL) return -1;
        int r = PyDict_SetItem(m->whole, key, d);
        Py_DECREF(key);
        if (r < 0) return -1;
    }
    return 0;
}

/* The page cache's repricing of d (repair.score.ocr._decide_all): d itself or the
 * repriced decision, a new reference either way; NULL on an error (d's reference kept
 * by the caller). */
static PyObject *page_cached(PyObject *const *a, PyObject *f, PyObject *span, PyObject *start,
                             PyObject *end, PyObject *d) {
    PyObject *page_words = a[14], *page_total = a[15], *cache_findings = a[16];
    PyObject *cache_gain = a[17], *cache_opens = a[18], *gains = a[19], *repriced = a[20];
    PyObject *ctx_inside = a[4], *insides = a[6];
    PyObject *orig = NULL, *alt = NULL, *alt0 = NULL, *orig0 = NULL, *low = NULL, *key = NULL;
    PyObject *own = NULL, *gain = NULL, *out = NULL;
    if (cache_findings != Py_None) {
        PyObject *finding = item_of(f, s_finding);
        if (finding == NULL) return NULL;
        int in = PySequence_Contains(cache_findings, finding);
        Py_DECREF(finding);
        if (in < 0) return NULL;
        if (!in) goto same;
    }
    if ((orig = item_of(f, s_orig)) == NULL) goto done;
    Py_ssize_t n = PyObject_Length(orig);
    if (n < 0) goto done;
    if (n != 1) goto same;
    if ((alt = item_of(f, s_alt)) == NULL) goto done;
    if ((n = PyObject_Length(alt)) < 0) goto done;
    if (n != 1) goto same;
    if ((alt0 = PySequence_GetItem(alt, 0)) == NULL) goto done;
    if ((low = PyObject_CallMethodNoArgs(alt0, str_lower)) == NULL) goto done;
    int in = PySequence_Contains(page_words, low);
    if (in < 0) goto done;
    if (!in) goto same;
    own = PyDict_GetItemWithError(insides, span);
    if (own != NULL) {
        Py_INCREF(own);
    } else {
        if (PyErr_Occurred()) goto done;
        if ((own = PyObject_CallFunctionObjArgs(ctx_inside, start, end, NULL)) == NULL) goto done;
        if (PyDict_SetItem(insides, span, own) < 0) goto done;
    }
    if ((orig0 = PySequence_GetItem(orig, 0)) == NULL) goto done;
    {
        PyObject *ow = PySequence_Fast(own, "inside: a sequence");
        if (ow == NULL) goto done;
        Py_ssize_t no = PySequence_Fast_GET_SIZE(ow);
        key = PyTuple_New(2 + no);
        if (key == NULL) {
            Py_DECREF(ow);
            goto done;
        }
        Py_INCREF(orig0);
        PyTuple_SET_ITEM(key, 0, orig0);
        Py_INCREF(alt0);
        PyTuple_SET_ITEM(key, 1, alt0);
        for (Py_ssize_t i = 0; i < no; i++) {
            PyObject *o = PySequence_Fast_GET_ITEM(ow, i);
            Py_INCREF(o);
            PyTuple_SET_ITEM(key, 2 + i, o);
        }
        Py_DECREF(ow);
    }
    gain = PyDict_GetItemWithError(gains, key);
    if (gain != NULL) {
        Py_INCREF(gain);
    } else {
        if (PyErr_Occurred()) goto done;
        PyObject *cargs[5] = {orig0, alt0, page_words, page_total, own};
        if ((gain = PyObject_Vectorcall(cache_gain, cargs, 5, NULL)) == NULL) goto done;
        if (PyDict_SetItem(gains, key, gain) < 0) goto done;
    }
    int g = PyObject_IsTrue(gain);
    if (g < 0) goto done;
    if (!g) goto same;
    int acc = PyObject_IsTrue(PyTuple_GET_ITEM(d, 0));
    if (acc < 0) goto done;
    if (!acc) {
        PyObject *r = PyObject_CallFunctionObjArgs(cache_opens, f, page_words, NULL);
        if (r == NULL) goto done;
        acc = PyObject_IsTrue(r);
        Py_DECREF(r);
        if (acc < 0) goto done;
    }
    if (!acc) goto same;
    {
        PyObject *neg = PyNumber_Negative(gain);
        if (neg == NULL) goto done;
        out = PyObject_CallFunctionObjArgs(repriced, d, neg, NULL);
        Py_DECREF(neg);
    }
    goto done;
same:
    Py_INCREF(d);
    out = d;
done:
    Py_XDECREF(orig);
    Py_XDECREF(alt);
    Py_XDECREF(alt0);
    Py_XDECREF(orig0);
    Py_XDECREF(low);
    Py_XDECREF(key);
    Py_XDECREF(own);
    Py_XDECREF(gain);
    return out;
}

/* One candidate of the loop; 0 or -1 on an error. */
static int loop_one(PyObject *const *a, Memo *m, Py_ssize_t k, PyObject *c, double slack,
                    double same_slack) {
    PyObject *decide = a[1], *garbled = a[2], *contexts = a[5];
    PyObject *groups = a[21], *near = a[22], *same = a[24], *eligible = a[26];
    PyObject *f = NULL, *start = NULL, *end = NULL, *span = NULL, *around = NULL, *d = NULL;
    PyObject *finding = NULL;
    int rc = -1;
    if ((f = PyObject_GetAttr(c, s_features)) == NULL) return -1;
    if (!PyDict_Check(f)) {
        PyErr_SetString(PyExc_TypeError, "decide_all: features must be a dict");
        goto done;
    }
    if ((start = PyObject_GetAttr(c, s_start)) == NULL) goto done;
    if ((end = PyObject_GetAttr(c, s_end)) == NULL) goto done;
    if ((span = PyTuple_Pack(2, start, end)) == NULL) goto done;
    int fixed = PyDict_Contains(f, s_fixed);
    if (fixed < 0) goto done;
    if (fixed) {
        if ((finding = item_of(f, s_finding)) == NULL) goto done;
        PyObject *ev = PyDict_New();
        if (ev == NULL) goto done;
        if (PyDict_SetItem(ev, s_fallback, Py_True) < 0 ||
            PyDict_SetItem(ev, s_finding, finding) < 0) {
            Py_DECREF(ev);
            goto done;
        }
        PyObject *minus = PyFloat_FromDouble(-100.0);
        if (minus == NULL) {
            Py_DECREF(ev);
            goto done;
        }
        PyObject *entry = entry_of(minus, c, ev);
        Py_DECREF(minus);
        if (entry == NULL) goto done;
        int r = group_append(groups, span, entry);
        Py_DECREF(entry);
        rc = r;
        goto done;
    }
    around = PyDict_GetItemWithError(contexts, span);
    if (around != NULL) {
        Py_INCREF(around);
    } else {
        if (PyErr_Occurred()) goto done;
        if ((around = context_of(a, start, end)) == NULL) goto done;
        if (PyDict_SetItem(contexts, span, around) < 0) goto done;
    }
    if (!PyTuple_Check(around) || PyTuple_GET_SIZE(around) != 2) {
        PyErr_SetString(PyExc_TypeError, "decide_all: a context is a (prev, nxt) tuple");
        goto done;
    }
    PyObject *prev = PyTuple_GET_ITEM(around, 0), *nxt = PyTuple_GET_ITEM(around, 1);
    if (k < PyByteArray_GET_SIZE(m->code)) {
        int code = ((unsigned char *)PyByteArray_AS_STRING(m->code))[k];
        if (code) {
            PyObject *was = PyList_GET_ITEM(m->around, k);
            if (!PyTuple_Check(was) || PyTuple_GET_SIZE(was) != 2) {
                PyErr_SetString(PyExc_TypeError, "decide_all: a stored context is a pair");
                goto done;
            }
            int ne = PyObject_RichCompareBool(PyTuple_GET_ITEM(was, 0), prev, Py_NE);
            if (ne < 0) goto done;
            if (!ne) {
                ne = PyObject_RichCompareBool(PyTuple_GET_ITEM(was, 1), nxt, Py_NE);
                if (ne < 0) goto done;
            }
            if (!ne && (d = memo_decision(m, k, code)) == NULL) goto done;
        }
    }
    if (d == NULL) {
        PyObject *orig = NULL, *alt = NULL, *cost = NULL, *ok;
        if ((orig = item_of(f, s_orig)) == NULL) goto done;
        if ((alt = item_of(f, s_alt)) == NULL) {
            Py_DECREF(orig);
            goto done;
        }
        PyObject *cost_o = item_of(f, s_cost);
        if (cost_o != NULL) {
            cost = PyNumber_Float(cost_o);
            Py_DECREF(cost_o);
        }
        int known = 0;
        if (cost != NULL) {
            ok = PyDict_GetItemWithError(f, s_orig_known);
            if (ok == NULL) {
                known = PyErr_Occurred() ? -1 : 0;
            } else {
                known = PyObject_IsTrue(ok);
            }
        }
        PyObject *thr = NULL, *ppz = NULL;
        if (cost != NULL && known >= 0) {
            thr = PyDict_GetItemWithError(f, s_threshold);
            if (thr == NULL && !PyErr_Occurred()) thr = Py_None;
            if (thr != NULL) {
                ppz = PyDict_GetItemWithError(f, s_ppz);
                if (ppz == NULL && !PyErr_Occurred()) ppz = Py_None;
            }
        }
        if (ppz != NULL) {
            PyObject *dargs[9] = {orig, alt, prev, nxt, cost, known ? Py_True : Py_False,
                                  thr, garbled, ppz};
            d = PyObject_Vectorcall(decide, dargs, 9, NULL);
        }
        Py_DECREF(orig);
        Py_DECREF(alt);
        Py_XDECREF(cost);
        if (d == NULL) goto done;
        if (memo_put(m, k, around, d) < 0) goto done;
    }
    if (!PyTuple_Check(d) || PyTuple_GET_SIZE(d) != 8) {
        PyErr_SetString(PyExc_TypeError, "decide_all: a decision is an 8-tuple");
        goto done;
    }
    if (a[14] != Py_None) {
        PyObject *d2 = page_cached(a, f, span, start, end, d);
        if (d2 == NULL) goto done;
        Py_DECREF(d);
        d = d2;
        if (!PyTuple_Check(d) || PyTuple_GET_SIZE(d) != 8) {
            PyErr_SetString(PyExc_TypeError, "decide_all: a decision is an 8-tuple");
            goto done;
        }
    }
    int acc = PyObject_IsTrue(PyTuple_GET_ITEM(d, 0));
    if (acc < 0) goto done;
    PyObject *margin = PyTuple_GET_ITEM(d, 2);
    if (acc) {
        if ((finding = item_of(f, s_finding)) == NULL) goto done;
        PyObject *entry = entry_of(margin, c, evidence_of(a, d, finding));
        if (entry == NULL) goto done;
        int r = group_append(groups, span, entry);
        Py_DECREF(entry);
        rc = r;
        goto done;
    }
    if (near != Py_None || same != Py_None) {
        double mg = PyFloat_AsDouble(margin);
        if (mg == -1.0 && PyErr_Occurred()) goto done;
        double th = PyFloat_AsDouble(PyTuple_GET_ITEM(d, 7));
        if (th == -1.0 && PyErr_Occurred()) goto done;
        if (near != Py_None && mg >= th - slack) {
            PyObject *r = PyObject_CallOneArg(eligible, c);
            if (r == NULL) goto done;
            int el = PyObject_IsTrue(r);
            Py_DECREF(r);
            if (el < 0) goto done;
            if (el) {
                PyObject *best = PyDict_GetItemWithError(near, span);
                int better = 1;
                if (best == NULL) {
                    if (PyErr_Occurred()) goto done;
                } else {
                    /* d.margin - d.threshold > best[0] - best[2]["threshold"] */
                    if (!PyTuple_Check(best) || PyTuple_GET_SIZE(best) != 3) {
                        PyErr_SetString(PyExc_TypeError, "decide_all: a near miss is a triple");
                        goto done;
                    }
                    double bm = PyFloat_AsDouble(PyTuple_GET_ITEM(best, 0));
                    if (bm == -1.0 && PyErr_Occurred()) goto done;
                    PyObject *bt_o = PyObject_GetItem(PyTuple_GET_ITEM(best, 2), s_threshold);
                    if (bt_o == NULL) goto done;
                    double bt = PyFloat_AsDouble(bt_o);
                    Py_DECREF(bt_o);
                    if (bt == -1.0 && PyErr_Occurred()) goto done;
                    better = mg - th > bm - bt;
                }
                if (better) {
                    if (finding == NULL && (finding = item_of(f, s_finding)) == NULL) goto done;
                    PyObject *entry = entry_of(margin, c, evidence_of(a, d, finding));
                    if (entry == NULL) goto done;
                    int r2 = PyDict_SetItem(near, span, entry);
                    Py_DECREF(entry);
                    if (r2 < 0) goto done;
                }
            }
        }
        if (same != Py_None && mg >= th - same_slack) {
            if (finding == NULL && (finding = item_of(f, s_finding)) == NULL) goto done;
            PyObject *entry = entry_of(margin, c, evidence_of(a, d, finding));
            if (entry == NULL) goto done;
            int r2 = PyList_Append(same, entry);
            Py_DECREF(entry);
            if (r2 < 0) goto done;
        }
    }
    rc = 0;
done:
    Py_XDECREF(f);
    Py_XDECREF(start);
    Py_XDECREF(end);
    Py_XDECREF(span);
    Py_XDECREF(around);
    Py_XDECREF(d);
    Py_XDECREF(finding);
    return rc;
}

/* decide_all(candidates, decide, garbled, ctx_around, ctx_inside, contexts, insides,
 *            memo, memo_around, memo_word, memo_num, memo_code, memo_whole, reasons,
 *            page_words, page_total, cache_findings, cache_gain, cache_opens, gains,
 *            repriced, groups, near, slack, same, same_slack, eligible, decision, zipf,
 *            round, bisect_right, bisect_left, ctx.starts, ctx.ends, ctx.texts)
 * -> None: the loop of repair.score.ocr._decide_all over a list of candidates, compiled
 * (issue 14, session 27): the same decisions asked and stored in the same memo, the same
 * page-cache prices, groups, near misses and same-reading list filled in the same order. */
static PyObject *decide_all_entry(PyObject *self, PyObject *const *a, Py_ssize_t nargs) {
    if (nargs != 35) {
        PyErr_SetString(PyExc_TypeError, "decide_all: 35 arguments");
        return NULL;
    }
    if (loop_strings() < 0) return NULL;
    if (str_below == NULL) {
        str_below = PyUnicode_InternFromString("margin_below_threshold");
        str_gain = PyUnicode_InternFromString("lm_gain");
        str_lower = PyUnicode_InternFromString("lower");
        if (str_below == NULL || str_gain == NULL || str_lower == NULL) return NULL;
    }
    PyObject *cands = a[0];
    Memo m = {a[8], a[9], a[11], a[12], a[13], a[27], a[7]};
    if (!PyList_Check(cands) || !PyDict_Check(a[5]) || !PyDict_Check(a[6]) ||
        !PyList_CheckExact(m.around) || !PyList_CheckExact(m.word) ||
        !PyByteArray_CheckExact(m.code) || !PyDict_CheckExact(m.whole) ||
        !PyTuple_CheckExact(m.reasons) || !PyDict_Check(a[19]) || !PyDict_Check(a[21]) ||
        (a[22] != Py_None && !PyDict_Check(a[22])) || (a[24] != Py_None && !PyList_Check(a[24])) ||
        !PyType_Check(m.dtype) || !PyType_IsSubtype((PyTypeObject *)m.dtype, &PyTuple_Type)) {
        PyErr_SetString(PyExc_TypeError, "decide_all: unexpected argument types");
        return NULL;
    }
    double slack = PyFloat_AsDouble(a[23]);
    if (slack == -1.0 && PyErr_Occurred()) return NULL;
    double same_slack = PyFloat_AsDouble(a[25]);
    if (same_slack == -1.0 && PyErr_Occurred()) return NULL;
    if (PyObject_GetBuffer(a[10], &m.num, PyBUF_WRITABLE | PyBUF_FORMAT) < 0) return NULL;
    Py_ssize_t n_code = PyByteArray_GET_SIZE(m.code);
    if (m.num.itemsize != 8 || m.num.format == NULL || strcmp(m.num.format, "d") != 0 ||
        m.num.len < 8 * 5 * n_code || PyList_GET_SIZE(m.around) < n_code ||
        PyList_GET_SIZE(m.word) < n_code) {
        PyBuffer_Release(&m.num);
        PyErr_SetString(PyExc_TypeError, "decide_all: the memo's arrays do not match");
        return NULL;
    }
    for (Py_ssize_t k = 0; k < PyList_GET_SIZE(cands); k++) {
        PyObject *c = PyList_GET_ITEM(cands, k);
        Py_INCREF(c);
        int r = loop_one(a, &m, k, c, slack, same_slack);
        Py_DECREF(c);
        if (r < 0) {
            PyBuffer_Release(&m.num);
            return NULL;
        }
    }
    PyBuffer_Release(&m.num);
    Py_RETURN_NONE;
}

static PyMethodDef methods[] = {
    {"decide_all", (PyCFunction)(void (*)(void))decide_all_entry, METH_FASTCALL,
     "decide_all(candidates, decide, garbled, ctx_around, ctx_inside, contexts, insides, "
     "memo, memo_around, memo_word, memo_num, memo_code, memo_whole, reasons, page_words, "
     "page_total, cache_findings, cache_gain, cache_opens, gains, repriced, groups, near, "
     "slack, same, same_slack, eligible, decision, zipf, round, bisect_right, bisect_left, "
     "starts, ends, texts) -> None: the candidate loop of "
     "repair.score.ocr._decide_all, compiled."},
    {"decide", (PyCFunction)(void (*)(void))decide_entry, METH_FASTCALL,
     "decide(seq, old_seq, lm, zipf, decision, split_oov, prior, realword_thr, nonword_thr, "
     "prob, log_base, unknown, orig, alt, prev, nxt, cost, orig_known, threshold, "
     "split_charge, prior_per_zipf) "
     "-> decision: repair.score.ocr.Scorer._decide, compiled."},
    {"walk_plan", walk_plan_entry, METH_VARARGS,
     "walk_plan(token, windows, longest, kept, window_rows) -> (options, cheapest, rest, "
     "lows, low_rest): repair.score.ocr_channel._walk_plan of an ASCII token, compiled."},
    {"one_letter_found", one_letter_found_entry, METH_VARARGS,
     "one_letter_found(low, letters, targets) -> set: the one-glyph substitutions of low "
     "by letters found in targets, in the order a set intersection adds them."},
    {"channel_upto", channel_upto_entry, METH_VARARGS,
     "channel_upto(token, low, target, ops, limit, block) -> float: the run loop of "
     "repair.score.ocr_price.channel_cost_upto, compiled."},
    {"channel_cost", (PyCFunction)(void (*)(void))channel_cost_entry, METH_FASTCALL,
     "channel_cost(token, word, limit, opcodes, block) -> float: "
     "repair.score.ocr_price.channel_cost_upto, compiled (the lowering and opcodes too)."},
    {"reads", reads_entry, METH_VARARGS,
     "reads(src, rows_from, max_run) -> (lows, reads): repair.score.ocr_price._reads, "
     "compiled."},
    {"bigrams", bigrams_entry, METH_VARARGS,
     "bigrams(hist, foll, prec, off, next, count, uni, cont_den, cont_floor, uni_den, "
     "listed_lp, oov, discount, fallback) -> bi_lp(a, b): NgramTable._bi_lp, compiled."},
    {"slot_loop", (PyCFunction)(void (*)(void))slot_loop_entry, METH_FASTCALL,
     "slot_loop(words, floors, ll, rr, l_ids, r_ids, known_ids, wid, norm, prob, bi, uni, "
     "tail, a, b, log_base, unknown) -> list[float]: the word loop of "
     "repair.candidates.ocr_slot.slot_scores, compiled."},
    {"block_cost", block_cost_entry, METH_VARARGS,
     "block_cost(src_lows, dst, reads, sub, drop, add) -> float: the dynamic programme of "
     "repair.score.ocr_price._block_cost, compiled."},
    {"trie", trie_build, METH_O,
     "trie(prefixes: frozenset[str]) -> capsule | None: the set as a trie (None when it is "
     "not prefix-closed or too large)."},
    {"walk", (PyCFunction)(void (*)(void))walk_entry, METH_FASTCALL,
     "walk(one, two, token, options, cheapest, rest, lows, low_rest, max_cost, max_subs, "
     "out1, out2) -> None: the confusion walk of repair.score.ocr_channel, compiled."},
    {"trie_bytes", trie_size, METH_O, "trie_bytes(trie) -> int: the trie's table size."},
    {"plans_cached", plans_cached, METH_NOARGS,
     "plans_cached() -> int: the walk plans' options tuples read flat and held."},
    {"trie_dump", trie_dump, METH_O,
     "trie_dump(trie) -> (start, label): the trie's tables as bytes (native order)."},
    {"trie_load", trie_load, METH_VARARGS,
     "trie_load(start, label) -> trie | None: trie_dump's tables read back (None when "
     "they are not a well-formed trie)."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "_ocrwalk",
    "The OCR confusion walk compiled (optional; repair.score.ocr_channel walks in Python "
    "without it).", -1, methods,
};

PyMODINIT_FUNC PyInit__ocrwalk(void) { return PyModule_Create(&module); }
