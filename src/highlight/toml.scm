; TOML, for orgbook's highlighter: the grammar crate's own query colours a whole
; `key = value` pair as its key. Keys are captured only under their parent (table header
; or pair), so no two patterns capture the same node. Dotted keys nest (`a.b.c`).
(table [(bare_key) (quoted_key)] @type)
(table (dotted_key [(bare_key) (quoted_key)] @type))
(table (dotted_key (dotted_key [(bare_key) (quoted_key)] @type)))
(table_array_element [(bare_key) (quoted_key)] @type)
(table_array_element (dotted_key [(bare_key) (quoted_key)] @type))
(table_array_element (dotted_key (dotted_key [(bare_key) (quoted_key)] @type)))
(pair [(bare_key) (quoted_key)] @property)
(pair (dotted_key [(bare_key) (quoted_key)] @property))
(pair (dotted_key (dotted_key [(bare_key) (quoted_key)] @property)))
(comment) @comment
(string) @string
(boolean) @constant
[(integer) (float)] @number
[(offset_date_time) (local_date_time) (local_date) (local_time)] @number
