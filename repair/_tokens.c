/* The tokenizer's loop compiled: an optional accelerator (issue 14, session 36).
 *
 * repair.tokenize.tokenize runs _TOKEN_RE (word | number | space | one other code point)
 * over the text and builds a Token per match in Python (~1 us a token, ~2 tokens a word).
 * tokens() makes the same tokens in one C loop: the same spans, kinds and strings, equal
 * words sharing one string and each token's start the token before's end object, the
 * four slots of the frozen dataclass set as object.__new__ and the slot setters set
 * them.  The character classes are sre's for a str pattern:
 *   [^\W\d_]  Py_UNICODE_ISALNUM and not Py_UNICODE_ISDECIMAL and not '_'
 *   \d        Py_UNICODE_ISDECIMAL
 *   \s        Py_UNICODE_ISSPACE
 * and each regex alternative is greedy with nothing to backtrack into (a separator is
 * taken only with a letter or digit after it), so the longest run is the match.
 * tests/test_tokens_fast.py compares both on every code point and on the benchmark texts.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <structmember.h>

static inline int is_letter(Py_UCS4 ch) {
    return ch != '_' && Py_UNICODE_ISALNUM(ch) && !Py_UNICODE_ISDECIMAL(ch);
}

/* The offset of a slot's member descriptor of type tp (an object slot), or -1. */
static Py_ssize_t slot_offset(PyObject *descr, PyTypeObject *tp) {
    if (!Py_IS_TYPE(descr, &PyMemberDescr_Type)) return -1;
    PyMemberDescrObject *d = (PyMemberDescrObject *)descr;
    if (d->d_common.d_type != tp) return -1;
    if (d->d_member->type != T_OBJECT_EX || (d->d_member->flags & READONLY)) return -1;
    return d->d_member->offset;
}

/* tokens(text, Token, (text, start, end, kind descriptors), (word, number, space, punct))
 * -> list of Token. */
static PyObject *tokens_entry(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
    if (nargs != 4) {
        PyErr_SetString(PyExc_TypeError, "tokens: four arguments");
        return NULL;
    }
    PyObject *text = args[0], *type = args[1], *descrs = args[2], *kinds = args[3];
    if (!PyUnicode_Check(text) || !PyType_Check(type) || !PyTuple_Check(descrs) ||
        PyTuple_GET_SIZE(descrs) != 4 || !PyTuple_Check(kinds) || PyTuple_GET_SIZE(kinds) != 4) {
        PyErr_SetString(PyExc_TypeError, "tokens: (str, type, 4 descriptors, 4 kinds)");
        return NULL;
    }
    if (PyUnicode_READY(text) < 0) return NULL;
    PyTypeObject *tp = (PyTypeObject *)type;
    Py_ssize_t off[4];
    for (int k = 0; k < 4; k++) {
        off[k] = slot_offset(PyTuple_GET_ITEM(descrs, k), tp);
        if (off[k] < 0) {
            PyErr_SetString(PyExc_TypeError, "tokens: not a slot of the token type");
            return NULL;
        }
    }
    PyObject *k_word = PyTuple_GET_ITEM(kinds, 0), *k_number = PyTuple_GET_ITEM(kinds, 1);
    PyObject *k_space = PyTuple_GET_ITEM(kinds, 2), *k_punct = PyTuple_GET_ITEM(kinds, 3);
    int ukind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    PyObject *out = PyList_New(0), *words = PyDict_New();
    PyObject *prev_end = PyLong_FromSsize_t(0);
    if (out == NULL || words == NULL || prev_end == NULL) goto fail;
    Py_ssize_t i = 0;
    while (i < n) {
        Py_UCS4 ch = PyUnicode_READ(ukind, data, i);
        Py_ssize_t j = i + 1;
        PyObject *kind;
        if (is_letter(ch)) {
            for (;;) {
                while (j < n && is_letter(PyUnicode_READ(ukind, data, j))) j++;
                if (j + 1 < n) {
                    Py_UCS4 q = PyUnicode_READ(ukind, data, j);
                    if ((q == '\'' || q == 0x2019) && is_letter(PyUnicode_READ(ukind, data, j + 1))) {
                        j += 2;
                        continue;
                    }
                }
                break;
            }
            kind = k_word;
        } else if (Py_UNICODE_ISDECIMAL(ch)) {
            for (;;) {
                while (j < n && Py_UNICODE_ISDECIMAL(PyUnicode_READ(ukind, data, j))) j++;
                if (j + 1 < n) {
                    Py_UCS4 q = PyUnicode_READ(ukind, data, j);
                    if ((q == '.' || q == ',' || q == ':') &&
                        Py_UNICODE_ISDECIMAL(PyUnicode_READ(ukind, data, j + 1))) {
                        j += 2;
                        continue;
                    }
                }
                break;
            }
            kind = k_number;
        } else if (Py_UNICODE_ISSPACE(ch)) {
            while (j < n && Py_UNICODE_ISSPACE(PyUnicode_READ(ukind, data, j))) j++;
            kind = k_space;
        } else {
            kind = k_punct;
        }
        PyObject *piece = PyUnicode_Substring(text, i, j);
        if (piece == NULL) goto fail;
        if (kind == k_word) {
            PyObject *same = PyDict_SetDefault(words, piece, piece); /* borrowed */
            if (same == NULL) {
                Py_DECREF(piece);
                goto fail;
            }
            Py_INCREF(same);
            Py_DECREF(piece);
            piece = same;
        }
        PyObject *end = PyLong_FromSsize_t(j);
        if (end == NULL) {
            Py_DECREF(piece);
            goto fail;
        }
        PyObject *tok = tp->tp_alloc(tp, 0);
        if (tok == NULL) {
            Py_DECREF(piece);
            Py_DECREF(end);
            goto fail;
        }
        /* a token holds a str, two ints and a str, is frozen and never in a cycle: the
         * collector need not track it (as CPython untracks a tuple of atoms), so the
         * token lists of a long text do not lengthen every later full collection */
        if (PyObject_IS_GC(tok)) PyObject_GC_UnTrack(tok);
        /* the slots own: piece, start (the previous end), end, kind */
        *(PyObject **)((char *)tok + off[0]) = piece;
        *(PyObject **)((char *)tok + off[1]) = prev_end; /* its reference moves here */
        Py_INCREF(end);
        *(PyObject **)((char *)tok + off[2]) = end;
        Py_INCREF(kind);
        *(PyObject **)((char *)tok + off[3]) = kind;
        prev_end = end;
        int bad = PyList_Append(out, tok);
        Py_DECREF(tok);
        if (bad < 0) {
            prev_end = NULL;
            Py_DECREF(end);
            goto fail;
        }
        i = j;
    }
    Py_DECREF(prev_end);
    Py_DECREF(words);
    return out;
fail:
    Py_XDECREF(prev_end);
    Py_XDECREF(words);
    Py_XDECREF(out);
    return NULL;
}

static PyMethodDef methods[] = {
    {"tokens", (PyCFunction)(void (*)(void))tokens_entry, METH_FASTCALL,
     "tokens(text, Token, slot descriptors, kinds) -> the tokenizer's tokens"},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "_tokens", "The tokenizer's loop compiled (optional).", -1, methods,
};

PyMODINIT_FUNC PyInit__tokens(void) { return PyModule_Create(&module); }
