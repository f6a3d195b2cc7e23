//! `#[derive(FastRead)]`: the app's fast reader of the bundle (`crates/bundle/src/read.rs`) for one type of
//! the model, made from the type's declaration and the serde attributes already on it. A field is written
//! once, in `model.rs`, and serde and the fast reader both read it.
//!
//! The reader must accept exactly what serde's derive and `serde_json` accept, so this derive reads the
//! serde attributes that change what is accepted and refuses to compile on any other (where it would read
//! differently from serde without saying so):
//! - on a struct: `deny_unknown_fields` (required: the reader refuses unknown keys) and `default` or
//!   `default = "path"` (every missing field from the struct's default);
//! - on a field: `rename = "key"`, `default`, `default = "path"`; `skip_serializing_if` (writing only) is
//!   allowed and changes nothing here;
//! - on an enum: `rename_all = "…"`, and `rename = "…"` on a variant. Variants have no fields.
//!
//! A missing field, as serde's derive reads it: its `default`, else the struct's `default`, else `None`
//! for an `Option<…>` in an object (not in the array form: serde refuses it there), else the text is
//! refused. (serde decides "an Option" from the type's own code; this derive from the type as written, so
//! write `Option<…>` rather than an alias of it.)
//!
//! The code it generates names `crate::read`: it is for the `bundle` crate only.

use proc_macro::TokenStream;
use proc_macro2::{Span, TokenStream as Tokens};
use quote::{format_ident, quote};
use syn::meta::ParseNestedMeta;
use syn::{parse_macro_input, Data, DeriveInput, Error, Fields, LitStr, Result, Type};

#[proc_macro_derive(FastRead, attributes(serde))]
pub fn derive_fast_read(input: TokenStream) -> TokenStream {
    let input = parse_macro_input!(input as DeriveInput);
    let expanded = match &input.data {
        Data::Struct(data) => derive_struct(&input, &data.fields),
        Data::Enum(data) => derive_enum(&input, data.variants.iter()),
        Data::Union(_) => Err(Error::new_spanned(&input.ident, "FastRead: no unions")),
    };
    expanded
        .unwrap_or_else(|error| {
            // The error, and a reader that refuses everything, so that the compiler says only the error.
            let error = error.into_compile_error();
            let ident = &input.ident;
            quote! {
                #error
                impl crate::read::FastRead for #ident {
                    fn read(_: &mut crate::read::Reader<'_>) -> ::core::option::Option<Self> {
                        ::core::option::Option::None
                    }
                }
            }
        })
        .into()
}

/// Where a serde attribute is: each place has its own attributes.
#[derive(Clone, Copy, PartialEq)]
enum Place {
    Struct,
    Field,
    Enum,
    Variant,
}

/// What a missing field takes.
enum Missing {
    /// Nothing: see [`derive_struct`].
    None,
    /// `Default::default()`.
    Default,
    /// `path()`.
    Path(syn::ExprPath),
}

/// The serde attributes of one struct, field, enum or variant that change what is read.
struct Serde {
    rename: Option<String>,
    rename_all: Option<String>,
    default: Missing,
    deny_unknown_fields: bool,
}

fn serde_attributes(attrs: &[syn::Attribute], place: Place) -> Result<Serde> {
    let mut serde = Serde {
        rename: None,
        rename_all: None,
        default: Missing::None,
        deny_unknown_fields: false,
    };
    for attr in attrs.iter().filter(|a| a.path().is_ident("serde")) {
        attr.parse_nested_meta(|meta| {
            let string = |meta: &ParseNestedMeta| -> Result<String> {
                Ok(meta.value()?.parse::<LitStr>()?.value())
            };
            let is = |name: &str| meta.path.is_ident(name);
            if is("rename") && matches!(place, Place::Field | Place::Variant) {
                serde.rename = Some(string(&meta)?);
            } else if is("rename_all") && place == Place::Enum {
                serde.rename_all = Some(string(&meta)?);
            } else if is("default") && matches!(place, Place::Struct | Place::Field) {
                serde.default = if meta.input.peek(syn::Token![=]) {
                    Missing::Path(meta.value()?.parse::<LitStr>()?.parse()?)
                } else {
                    Missing::Default
                };
            } else if is("deny_unknown_fields") && place == Place::Struct {
                serde.deny_unknown_fields = true;
            } else if is("skip_serializing_if") && place == Place::Field {
                string(&meta)?;
            } else {
                return Err(meta.error(
                    "FastRead (crates/bundle-derive) does not read this serde attribute here, so the \
                     fast reader would part from serde: teach it this attribute, or do without it",
                ));
            }
            Ok(())
        })?;
    }
    Ok(serde)
}

/// A field or variant's name in the text: its `rename`, else its name in Rust.
fn json_name(ident: &syn::Ident, serde: &Serde) -> String {
    let name = ident.to_string();
    serde
        .rename
        .clone()
        .unwrap_or_else(|| name.trim_start_matches("r#").to_owned())
}

fn derive_struct(input: &DeriveInput, fields: &Fields) -> Result<Tokens> {
    let ident = &input.ident;
    let container = serde_attributes(&input.attrs, Place::Struct)?;
    if !input.generics.params.is_empty() {
        return Err(Error::new_spanned(&input.generics, "FastRead: no generics"));
    }
    let Fields::Named(fields) = fields else {
        return Err(Error::new_spanned(
            ident,
            "FastRead: structs with named fields only",
        ));
    };
    if !container.deny_unknown_fields {
        return Err(Error::new_spanned(
            ident,
            "FastRead refuses unknown keys: add #[serde(deny_unknown_fields)] (the model refuses a \
             misspelt key rather than ignore it)",
        ));
    }
    // The reader keeps the keys seen in a u64.
    if fields.named.len() > 64 {
        return Err(Error::new_spanned(ident, "FastRead: at most 64 fields"));
    }
    let mut names = Vec::new();
    let mut slots = Vec::new();
    let mut types = Vec::new();
    let mut members = Vec::new();
    let mut values = Vec::new();
    let mut reads_array = false;
    for (n, field) in fields.named.iter().enumerate() {
        let member = field.ident.as_ref().expect("named field");
        let serde = serde_attributes(&field.attrs, Place::Field)?;
        let slot = format_ident!("__field{n}");
        let value = match (&serde.default, &container.default) {
            (Missing::Default, _) => quote!(#slot.unwrap_or_default()),
            (Missing::Path(path), _) => quote!(#slot.unwrap_or_else(#path)),
            (Missing::None, Missing::Default | Missing::Path(_)) => {
                quote!(#slot.unwrap_or(__default.#member))
            }
            (Missing::None, Missing::None) if is_option(&field.ty) => {
                reads_array = true;
                quote!(match #slot {
                    ::core::option::Option::Some(value) => value,
                    ::core::option::Option::None if !__array => ::core::option::Option::None,
                    ::core::option::Option::None => return ::core::option::Option::None,
                })
            }
            (Missing::None, Missing::None) => quote!(#slot?),
        };
        names.push(json_name(member, &serde));
        slots.push(slot);
        types.push(&field.ty);
        members.push(member);
        values.push(value);
    }
    let indices = 0..names.len();
    let array = if reads_array {
        quote!(let __array =)
    } else {
        quote!()
    };
    let default = match &container.default {
        Missing::None => quote!(),
        Missing::Default => quote!(let __default: Self = ::core::default::Default::default();),
        Missing::Path(path) => quote!(let __default: Self = #path();),
    };
    Ok(quote! {
        #[automatically_derived]
        impl crate::read::FastRead for #ident {
            fn read(__reader: &mut crate::read::Reader<'_>) -> ::core::option::Option<Self> {
                #(let mut #slots = ::core::option::Option::None;)*
                #array __reader.fields(&[#(#names),*], &mut |__reader, __index| {
                    match __index {
                        #(#indices => {
                            #slots = ::core::option::Option::Some(
                                <#types as crate::read::FastRead>::read(__reader)?,
                            );
                        })*
                        _ => return ::core::option::Option::None,
                    }
                    ::core::option::Option::Some(())
                })?;
                #default
                ::core::option::Option::Some(#ident { #(#members: #values,)* })
            }
        }
    })
}

/// `Option<…>` as written (see the crate's doc).
fn is_option(ty: &Type) -> bool {
    match ty {
        Type::Path(path) if path.qself.is_none() => path
            .path
            .segments
            .last()
            .is_some_and(|last| last.ident == "Option"),
        _ => false,
    }
}

fn derive_enum<'v>(
    input: &DeriveInput,
    variants: impl Iterator<Item = &'v syn::Variant>,
) -> Result<Tokens> {
    let ident = &input.ident;
    let container = serde_attributes(&input.attrs, Place::Enum)?;
    if !input.generics.params.is_empty() {
        return Err(Error::new_spanned(&input.generics, "FastRead: no generics"));
    }
    let mut names = Vec::new();
    let mut idents = Vec::new();
    for variant in variants {
        if !matches!(variant.fields, Fields::Unit) {
            return Err(Error::new_spanned(
                variant,
                "FastRead: unit variants only (write FastRead by hand in read.rs for others)",
            ));
        }
        let serde = serde_attributes(&variant.attrs, Place::Variant)?;
        let name = match (&serde.rename, &container.rename_all) {
            (Some(name), _) => name.clone(),
            (None, Some(rule)) => rename(&variant.ident.to_string(), rule).ok_or_else(|| {
                Error::new(Span::call_site(), "FastRead: unknown rename_all rule")
            })?,
            (None, None) => json_name(&variant.ident, &serde),
        };
        names.push(name);
        idents.push(&variant.ident);
    }
    let indices = 0..names.len();
    Ok(quote! {
        #[automatically_derived]
        impl crate::read::FastRead for #ident {
            fn read(__reader: &mut crate::read::Reader<'_>) -> ::core::option::Option<Self> {
                ::core::option::Option::Some(match __reader.variant(&[#(#names),*])? {
                    #(#indices => #ident::#idents,)*
                    _ => return ::core::option::Option::None,
                })
            }
        }
    })
}

/// A variant's name (Rust's PascalCase) under one of serde's `rename_all` rules.
fn rename(variant: &str, rule: &str) -> Option<String> {
    let words = |separator: char| {
        let mut out = String::new();
        for (i, c) in variant.char_indices() {
            if c.is_uppercase() && i > 0 {
                out.push(separator);
            }
            out.push(c.to_ascii_lowercase());
        }
        out
    };
    Some(match rule {
        "lowercase" => variant.to_ascii_lowercase(),
        "UPPERCASE" => variant.to_ascii_uppercase(),
        "PascalCase" => variant.to_owned(),
        "camelCase" => variant[..1].to_ascii_lowercase() + &variant[1..],
        "snake_case" => words('_'),
        "SCREAMING_SNAKE_CASE" => words('_').to_ascii_uppercase(),
        "kebab-case" => words('-'),
        "SCREAMING-KEBAB-CASE" => words('-').to_ascii_uppercase(),
        _ => return None,
    })
}
