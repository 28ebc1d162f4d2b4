//! A serde [`Serializer`] that feeds a value straight into an XXH3 hasher: the context
//! hash of [`super::context_hash`].
//!
//! Written here rather than taken from a crate because the hash must accept what page
//! contexts are made of — `#[serde(flatten)]` fields, which serialise as maps of unknown
//! length — and the hashing serialisers on offer refuse those (as do the compact binary
//! formats); serde_json accepts them but escapes every string byte by byte on the way to
//! the hasher, which was a quarter of the time a page's hash took. Nothing is escaped
//! here: every string is its length and its bytes, every value starts with a tag byte and
//! every compound value ends with one, so two different values never feed the same bytes.
//!
//! It reports itself as not human-readable, which lets a context field stand for
//! something costly to make by what it is made from: see [`super::Drawn`].

use serde::ser::{self, Serialize};
use xxhash_rust::xxh3::Xxh3Default;

/// Small writes are gathered here and handed to the hasher in blocks: XXH3's streaming
/// state copies each short write into its own buffer, and contexts are mostly short
/// writes (tags, lengths, field names).
const BLOCK: usize = 4096;
/// Strings at least this long skip the block and go to the hasher as they are.
const LONG: usize = 256;

pub(super) struct Feed {
    hasher: Xxh3Default,
    block: Vec<u8>,
}

#[derive(Debug)]
pub(super) struct Error(String);

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Error {}

impl ser::Error for Error {
    fn custom<T: std::fmt::Display>(msg: T) -> Self {
        Error(msg.to_string())
    }
}

mod tag {
    pub const FALSE: u8 = 0;
    pub const TRUE: u8 = 1;
    pub const INT: u8 = 2;
    pub const UINT: u8 = 3;
    pub const FLOAT: u8 = 4;
    pub const CHAR: u8 = 5;
    pub const STR: u8 = 6;
    pub const BYTES: u8 = 7;
    pub const NONE: u8 = 8;
    pub const SOME: u8 = 9;
    pub const UNIT: u8 = 10;
    pub const VARIANT: u8 = 11;
    pub const SEQ: u8 = 12;
    pub const MAP: u8 = 13;
    pub const STRUCT: u8 = 14;
    pub const END: u8 = 15;
    pub const SKIPPED: u8 = 16;
}

impl Feed {
    pub(super) fn new() -> Feed {
        Feed {
            hasher: Xxh3Default::new(),
            block: Vec::with_capacity(BLOCK),
        }
    }

    fn byte(&mut self, b: u8) {
        self.small(&[b]);
    }

    fn small(&mut self, bytes: &[u8]) {
        if self.block.len() + bytes.len() > BLOCK {
            self.flush();
        }
        self.block.extend_from_slice(bytes);
    }

    fn u64(&mut self, tag: u8, v: u64) {
        let mut b = [0u8; 9];
        b[0] = tag;
        b[1..].copy_from_slice(&v.to_le_bytes());
        self.small(&b);
    }

    fn bytes(&mut self, tag: u8, bytes: &[u8]) {
        self.u64(tag, bytes.len() as u64);
        if bytes.len() < LONG {
            self.small(bytes);
        } else {
            self.flush();
            self.hasher.update(bytes);
        }
    }

    fn flush(&mut self) {
        self.hasher.update(&self.block);
        self.block.clear();
    }

    /// The hash of everything fed so far.
    pub(super) fn digest(mut self) -> u64 {
        self.flush();
        self.hasher.digest()
    }

    /// Feeds `bytes` as a byte string ahead of the value: for what keys the hash besides
    /// the value, such as a template name.
    pub(super) fn prefix(&mut self, bytes: &[u8]) {
        self.bytes(tag::BYTES, bytes);
    }
}

type Result<T = ()> = std::result::Result<T, Error>;

impl ser::Serializer for &mut Feed {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Self;
    type SerializeTuple = Self;
    type SerializeTupleStruct = Self;
    type SerializeTupleVariant = Self;
    type SerializeMap = Self;
    type SerializeStruct = Self;
    type SerializeStructVariant = Self;

    fn is_human_readable(&self) -> bool {
        false
    }

    fn serialize_bool(self, v: bool) -> Result {
        self.byte(if v { tag::TRUE } else { tag::FALSE });
        Ok(())
    }
    fn serialize_i8(self, v: i8) -> Result {
        self.serialize_i64(v.into())
    }
    fn serialize_i16(self, v: i16) -> Result {
        self.serialize_i64(v.into())
    }
    fn serialize_i32(self, v: i32) -> Result {
        self.serialize_i64(v.into())
    }
    fn serialize_i64(self, v: i64) -> Result {
        self.u64(tag::INT, v as u64);
        Ok(())
    }
    fn serialize_i128(self, v: i128) -> Result {
        self.bytes(tag::INT, &v.to_le_bytes());
        Ok(())
    }
    fn serialize_u8(self, v: u8) -> Result {
        self.serialize_u64(v.into())
    }
    fn serialize_u16(self, v: u16) -> Result {
        self.serialize_u64(v.into())
    }
    fn serialize_u32(self, v: u32) -> Result {
        self.serialize_u64(v.into())
    }
    fn serialize_u64(self, v: u64) -> Result {
        self.u64(tag::UINT, v);
        Ok(())
    }
    fn serialize_u128(self, v: u128) -> Result {
        self.bytes(tag::UINT, &v.to_le_bytes());
        Ok(())
    }
    fn serialize_f32(self, v: f32) -> Result {
        self.serialize_f64(v.into())
    }
    fn serialize_f64(self, v: f64) -> Result {
        self.u64(tag::FLOAT, v.to_bits());
        Ok(())
    }
    fn serialize_char(self, v: char) -> Result {
        self.u64(tag::CHAR, v.into());
        Ok(())
    }
    fn serialize_str(self, v: &str) -> Result {
        self.bytes(tag::STR, v.as_bytes());
        Ok(())
    }
    fn serialize_bytes(self, v: &[u8]) -> Result {
        self.bytes(tag::BYTES, v);
        Ok(())
    }
    fn serialize_none(self) -> Result {
        self.byte(tag::NONE);
        Ok(())
    }
    fn serialize_some<T: ?Sized + Serialize>(self, value: &T) -> Result {
        self.byte(tag::SOME);
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result {
        self.byte(tag::UNIT);
        Ok(())
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Result {
        self.serialize_unit()
    }
    fn serialize_unit_variant(self, _name: &'static str, index: u32, _v: &'static str) -> Result {
        self.u64(tag::VARIANT, index.into());
        Ok(())
    }
    fn serialize_newtype_struct<T: ?Sized + Serialize>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Result {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: ?Sized + Serialize>(
        self,
        _name: &'static str,
        index: u32,
        _variant: &'static str,
        value: &T,
    ) -> Result {
        self.u64(tag::VARIANT, index.into());
        value.serialize(self)
    }
    fn serialize_seq(self, _len: Option<usize>) -> Result<Self> {
        self.byte(tag::SEQ);
        Ok(self)
    }
    fn serialize_tuple(self, len: usize) -> Result<Self> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_struct(self, _name: &'static str, len: usize) -> Result<Self> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        index: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Self> {
        self.u64(tag::VARIANT, index.into());
        self.byte(tag::SEQ);
        Ok(self)
    }
    fn serialize_map(self, _len: Option<usize>) -> Result<Self> {
        self.byte(tag::MAP);
        Ok(self)
    }
    fn serialize_struct(self, _name: &'static str, _len: usize) -> Result<Self> {
        self.byte(tag::STRUCT);
        Ok(self)
    }
    fn serialize_struct_variant(
        self,
        _name: &'static str,
        index: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Self> {
        self.u64(tag::VARIANT, index.into());
        self.byte(tag::STRUCT);
        Ok(self)
    }
}

impl ser::SerializeSeq for &mut Feed {
    type Ok = ();
    type Error = Error;
    fn serialize_element<T: ?Sized + Serialize>(&mut self, value: &T) -> Result {
        value.serialize(&mut **self)
    }
    fn end(self) -> Result {
        self.byte(tag::END);
        Ok(())
    }
}

impl ser::SerializeTuple for &mut Feed {
    type Ok = ();
    type Error = Error;
    fn serialize_element<T: ?Sized + Serialize>(&mut self, value: &T) -> Result {
        value.serialize(&mut **self)
    }
    fn end(self) -> Result {
        self.byte(tag::END);
        Ok(())
    }
}

impl ser::SerializeTupleStruct for &mut Feed {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: ?Sized + Serialize>(&mut self, value: &T) -> Result {
        value.serialize(&mut **self)
    }
    fn end(self) -> Result {
        self.byte(tag::END);
        Ok(())
    }
}

impl ser::SerializeTupleVariant for &mut Feed {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: ?Sized + Serialize>(&mut self, value: &T) -> Result {
        value.serialize(&mut **self)
    }
    fn end(self) -> Result {
        self.byte(tag::END);
        Ok(())
    }
}

impl ser::SerializeMap for &mut Feed {
    type Ok = ();
    type Error = Error;
    fn serialize_key<T: ?Sized + Serialize>(&mut self, key: &T) -> Result {
        key.serialize(&mut **self)
    }
    fn serialize_value<T: ?Sized + Serialize>(&mut self, value: &T) -> Result {
        value.serialize(&mut **self)
    }
    fn end(self) -> Result {
        self.byte(tag::END);
        Ok(())
    }
}

impl ser::SerializeStruct for &mut Feed {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: ?Sized + Serialize>(&mut self, key: &'static str, value: &T) -> Result {
        self.bytes(tag::STR, key.as_bytes());
        value.serialize(&mut **self)
    }
    fn skip_field(&mut self, key: &'static str) -> Result {
        // A field left out is a different context from one holding a value.
        self.bytes(tag::SKIPPED, key.as_bytes());
        Ok(())
    }
    fn end(self) -> Result {
        self.byte(tag::END);
        Ok(())
    }
}

impl ser::SerializeStructVariant for &mut Feed {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: ?Sized + Serialize>(&mut self, key: &'static str, value: &T) -> Result {
        ser::SerializeStruct::serialize_field(self, key, value)
    }
    fn skip_field(&mut self, key: &'static str) -> Result {
        ser::SerializeStruct::skip_field(self, key)
    }
    fn end(self) -> Result {
        self.byte(tag::END);
        Ok(())
    }
}
