; HCL and Terraform, for orgbook's highlighter (the grammar crate ships no query).
(comment) @comment
(block (identifier) @keyword)
(block (string_lit) @type)
(attribute (identifier) @property)
(object_elem key: (expression (variable_expr (identifier) @property)))
(function_call (identifier) @function)
(get_attr (identifier) @property)
[(string_lit) (quoted_template) (heredoc_template)] @string
[(numeric_lit) (bool_lit) (null_lit)] @number
(heredoc_identifier) @keyword
[(heredoc_start)] @keyword
