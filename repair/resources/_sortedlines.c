/* SortedLines.get compiled: an optional accelerator of
 * repair.resources.sorted_lines.SortedLines.get (issue 14).
 *
 * The pure-Python method stays the reference; this function takes the same fields (the
 * blob, the blocks' first keys and the blocks' starts) and answers as it does, step for
 * step: bisect_right of the key over the first keys; the first "\n" key "\t" wholly inside
 * the block (from the newline before its start to the next block's start); the blob's
 * very first line when there is no header; the value up to the next newline.  What
 * changes is the search: glibc's memmem over the block on bytes and one-byte strings (a
 * needle in a stack buffer, no Python string), each newline of the block tried in place on
 * wider strings; no slice is made but the value.
 * The zipf table (bytes) and the dictionary's word lines (str) are the hot callers: ~130 k
 * look-ups on 100 k words of OCR text.
 *
 * get(blob, heads, starts, key) -> value, None, or NotImplemented when the types are not
 * the ones handled here (blob and key both bytes or both str, heads and starts lists):
 * the caller then runs the Python code, which raises what it raises.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <string.h>

/* A read-only view of a bytes or str object: its code units and width (1, 2 or 4). */
typedef struct {
    const void *data;
    Py_ssize_t len;
    int kind; /* 1, 2, 4 for str (PyUnicode kinds); 1 for bytes */
} View;

static inline Py_UCS4 at(const View *v, Py_ssize_t i) {
    switch (v->kind) {
    case 1: return ((const Py_UCS1 *)v->data)[i];
    case 2: return ((const Py_UCS2 *)v->data)[i];
    default: return ((const Py_UCS4 *)v->data)[i];
    }
}

static void view_of(PyObject *o, int is_str, View *v) {
    if (is_str) {
        v->data = PyUnicode_DATA(o);
        v->len = PyUnicode_GET_LENGTH(o);
        v->kind = PyUnicode_KIND(o);
    } else {
        v->data = PyBytes_AS_STRING(o);
        v->len = PyBytes_GET_SIZE(o);
        v->kind = 1;
    }
}

/* Whether blob[pos : pos + key.len] equals the key (the caller checked the bounds). */
static inline int same_at(const View *blob, Py_ssize_t pos, const View *key) {
    if (blob->kind == 1 && key->kind == 1)
        return memcmp((const char *)blob->data + pos, key->data, (size_t)key->len) == 0;
    for (Py_ssize_t k = 0; k < key->len; k++)
        if (at(blob, pos + k) != at(key, k)) return 0;
    return 1;
}

/* The first position in [from, to) holding a newline, or -1. */
static inline Py_ssize_t next_newline(const View *v, Py_ssize_t from, Py_ssize_t to) {
    if (from >= to) return -1;
    if (v->kind == 1) {
        const char *p = memchr((const char *)v->data + from, '\n', (size_t)(to - from));
        return p == NULL ? -1 : p - (const char *)v->data;
    }
    for (Py_ssize_t i = from; i < to; i++)
        if (at(v, i) == '\n') return i;
    return -1;
}

/* heads[i] as a view; 0 when it is not of the blob's type. */
static inline int head_view(PyObject *h, int is_str, View *v) {
    if (is_str ? !PyUnicode_CheckExact(h) : !PyBytes_CheckExact(h)) return 0;
    view_of(h, is_str, v);
    return 1;
}

/* Code-point (or byte) order, as Python compares two str (or two bytes): <0, 0, >0. */
static int compare(const View *a, const View *b) {
    Py_ssize_t n = a->len < b->len ? a->len : b->len;
    if (a->kind == 1 && b->kind == 1) {
        int c = memcmp(a->data, b->data, (size_t)n);
        if (c) return c;
    } else {
        for (Py_ssize_t k = 0; k < n; k++) {
            Py_UCS4 x = at(a, k), y = at(b, k);
            if (x != y) return x < y ? -1 : 1;
        }
    }
    return a->len < b->len ? -1 : (a->len > b->len ? 1 : 0);
}

static int start_at(PyObject *starts, Py_ssize_t i, Py_ssize_t *out) {
    PyObject *o = PyList_GET_ITEM(starts, i);
    if (!PyLong_CheckExact(o)) return 0;
    *out = PyLong_AsSsize_t(o);
    return !(*out == -1 && PyErr_Occurred());
}

/* What the look-up found. */
enum { FOUND, ABSENT, OTHER, FAILED };

/* SortedLines.get of the key `k` over the table's fields, in place: FOUND with the value's
 * bounds [*q, *end) in the blob, ABSENT (the Python method's None), OTHER (types this
 * code does not read: the caller runs the Python code) or FAILED (an exception is set). */
static int find_value(PyObject *blob, PyObject *heads, PyObject *starts, int is_str,
                      const View *k, Py_ssize_t *q, Py_ssize_t *end) {
    if (!PyList_CheckExact(heads) || !PyList_CheckExact(starts) ||
        PyList_GET_SIZE(starts) < PyList_GET_SIZE(heads) + 1)
        return OTHER;
    View b, h;
    view_of(blob, is_str, &b);
    /* i = bisect_right(heads, key) - 1 */
    Py_ssize_t lo = 0, hi = PyList_GET_SIZE(heads);
    while (lo < hi) {
        Py_ssize_t mid = lo + (hi - lo) / 2;
        if (!head_view(PyList_GET_ITEM(heads, mid), is_str, &h)) return OTHER;
        if (compare(k, &h) < 0) hi = mid; else lo = mid + 1;
    }
    Py_ssize_t i = lo - 1;
    if (i < 0) return ABSENT;
    Py_ssize_t s0, s1, first;
    if (!start_at(starts, i, &s0) || !start_at(starts, i + 1, &s1) || !start_at(starts, 0, &first))
        return PyErr_Occurred() ? FAILED : OTHER;
    /* blob.find("\n" + key + "\t", max(s0 - 1, 0), s1), as str.find clips its bounds */
    Py_ssize_t from = s0 - 1 > 0 ? s0 - 1 : 0, to = s1 < b.len ? s1 : b.len;
    Py_ssize_t span = k->len + 2, p = -1;
    if (b.kind == 1 && k->kind == 1) {
        /* one code unit a glyph both sides: glibc's memmem over the block, as str.find */
        char small[128], *needle = span <= (Py_ssize_t)sizeof(small) ? small : PyMem_Malloc((size_t)span);
        if (needle == NULL) {
            PyErr_NoMemory();
            return FAILED;
        }
        needle[0] = '\n';
        memcpy(needle + 1, k->data, (size_t)k->len);
        needle[span - 1] = '\t';
        if (to - from >= span) {
            const char *base = (const char *)b.data;
            const char *hit = memmem(base + from, (size_t)(to - from), needle, (size_t)span);
            if (hit != NULL) p = hit - base;
        }
        if (needle != small) PyMem_Free(needle);
    } else {
        for (Py_ssize_t nl = next_newline(&b, from, to); nl >= 0 && nl + span <= to;
             nl = next_newline(&b, nl + 1, to)) {
            if (at(&b, nl + 1 + k->len) == '\t' && same_at(&b, nl + 1, k)) {
                p = nl;
                break;
            }
        }
    }
    if (p < 0) {
        /* the very first line of a blob with no header */
        if (i || first || !(b.len >= k->len + 1 && same_at(&b, 0, k) && at(&b, k->len) == '\t'))
            return ABSENT;
        p = -1;
    }
    *q = p + span;
    *end = next_newline(&b, *q, b.len);
    if (*end < 0) {
        PyErr_SetString(PyExc_ValueError, "substring not found");
        return FAILED;
    }
    return FOUND;
}

static PyObject *get(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
    if (nargs != 4) {
        PyErr_SetString(PyExc_TypeError, "get(blob, heads, starts, key)");
        return NULL;
    }
    PyObject *blob = args[0], *key = args[3];
    int is_str = PyUnicode_CheckExact(blob);
    if (!(is_str ? PyUnicode_CheckExact(key) : (PyBytes_CheckExact(blob) && PyBytes_CheckExact(key))))
        Py_RETURN_NOTIMPLEMENTED;
    View k;
    view_of(key, is_str, &k);
    Py_ssize_t q, end;
    switch (find_value(blob, args[1], args[2], is_str, &k, &q, &end)) {
    case FOUND:
        if (is_str) return PyUnicode_Substring(blob, q, end);
        return PyBytes_FromStringAndSize(PyBytes_AS_STRING(blob) + q, end - q);
    case ABSENT: Py_RETURN_NONE;
    case OTHER: Py_RETURN_NOTIMPLEMENTED;
    default: return NULL;
    }
}

/* ------------------------------------------------- the zipf table's one-word fast path */

static inline int is_letter(Py_UCS4 c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }
static inline int is_apostrophe(Py_UCS4 c) { return c == '\'' || c == 0x2019; }

/* repair.resources.frequency._table_zipf of a word made only of ASCII letters and the
 * apostrophes ' and ’ (one part: str.split() keeps it whole), on the zipf table's
 * SortedLines fields (bytes): _ASCII_WORD's group (the apostrophes around it dropped; no
 * two apostrophes inside), lowered, ’ read as ', looked up.  Returns the bucket (the value
 * read as int: decimal digits only), -1 for a word the table lacks (the caller's _UNSEEN),
 * None where _table_zipf returns None (no match, or an unknown word with an apostrophe:
 * wordfreq's tokenizer decides), NotImplemented for any other word or value (the caller
 * runs the Python code). */
static PyObject *ascii_bucket(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
    if (nargs != 4) {
        PyErr_SetString(PyExc_TypeError, "ascii_bucket(blob, heads, starts, word)");
        return NULL;
    }
    PyObject *blob = args[0], *word = args[3];
    if (!PyBytes_CheckExact(blob) || !PyUnicode_CheckExact(word)) Py_RETURN_NOTIMPLEMENTED;
    View w;
    view_of(word, 1, &w);
    if (w.len == 0 || w.len > 120) Py_RETURN_NOTIMPLEMENTED;
    Py_ssize_t a = 0, last = -1;
    for (Py_ssize_t j = 0; j < w.len; j++) {
        Py_UCS4 c = at(&w, j);
        if (is_letter(c)) last = j;
        else if (!is_apostrophe(c)) Py_RETURN_NOTIMPLEMENTED;
    }
    while (a < w.len && is_apostrophe(at(&w, a))) a++;
    if (last < a) Py_RETURN_NONE; /* apostrophes only: no match, and no Latin word */
    char buf[128];
    int apostrophe = 0;
    Py_ssize_t n = 0;
    for (Py_ssize_t j = a; j <= last; j++) {
        Py_UCS4 c = at(&w, j);
        if (is_apostrophe(c)) {
            if (is_apostrophe(at(&w, j - 1))) Py_RETURN_NONE; /* two together: no match */
            apostrophe = 1;
            buf[n++] = '\'';
        } else {
            buf[n++] = (char)(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
        }
    }
    View k = {buf, n, 1};
    Py_ssize_t q, end;
    switch (find_value(blob, args[1], args[2], 0, &k, &q, &end)) {
    case FOUND: break;
    case ABSENT:
        if (apostrophe) Py_RETURN_NONE;
        return PyLong_FromLong(-1);
    case OTHER: Py_RETURN_NOTIMPLEMENTED;
    default: return NULL;
    }
    const char *v = PyBytes_AS_STRING(blob) + q;
    Py_ssize_t len = end - q;
    if (len < 1 || len > 9) Py_RETURN_NOTIMPLEMENTED;
    long value = 0;
    for (Py_ssize_t j = 0; j < len; j++) {
        if (v[j] < '0' || v[j] > '9') Py_RETURN_NOTIMPLEMENTED;
        value = value * 10 + (v[j] - '0');
    }
    return PyLong_FromLong(value);
}

static PyMethodDef methods[] = {
    {"get", (PyCFunction)(void (*)(void))get, METH_FASTCALL,
     "get(blob, heads, starts, key) -> the value of key, None, or NotImplemented "
     "(types this code does not read): SortedLines.get's answer."},
    {"ascii_bucket", (PyCFunction)(void (*)(void))ascii_bucket, METH_FASTCALL,
     "ascii_bucket(blob, heads, starts, word) -> the zipf bucket of a word of ASCII letters "
     "and apostrophes, -1 (unseen), None (wordfreq decides) or NotImplemented: "
     "frequency._table_zipf's fast path."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "_sortedlines",
    "SortedLines.get compiled (repair.resources.sorted_lines).", -1, methods,
};

PyMODINIT_FUNC PyInit__sortedlines(void) { return PyModule_Create(&module); }
