using System.Collections.Generic;
using System.Linq;
using SoapGen.Generator.Diagnostics;
using SoapGen.Generator.Model;
using SoapGen.Generator.Wsdl;
using Xunit;

namespace SoapGen.Generator.Tests;

/// <summary>
/// The reader (WSDL text → description) and the model (description → C# decisions) tested directly, without emitting
/// code: what each XML Schema construct is read as, and what the model decides for it.
/// </summary>
public class SchemaModelTests
{
    private const string Tns = "urn:m";

    private static WsdlDescription Read(string schema)
    {
        var wsdl = $"""
            <definitions xmlns="http://schemas.xmlsoap.org/wsdl/" xmlns:xsd="http://www.w3.org/2001/XMLSchema"
                         xmlns:soapenc="http://schemas.xmlsoap.org/soap/encoding/" xmlns:wsdl="http://schemas.xmlsoap.org/wsdl/"
                         xmlns:tns="{Tns}" targetNamespace="{Tns}">
              <types><xsd:schema targetNamespace="{Tns}" elementFormDefault="qualified">{schema}</xsd:schema></types>
            </definitions>
            """;
        var result = WsdlReader.Read("m.wsdl", wsdl);
        Assert.Empty(result.Diagnostics);
        return result.Description!;
    }

    private static SchemaType Type(WsdlDescription description, string name) => description.Types.Single(t => t.Name == new QName(Tns, name));

    private static SchemaTypeMapper Mapper(WsdlDescription description) =>
        new(description.Types, description.Elements, "M", "MSerializer", new HashSet<string>(), new HashSet<string>(), new DiagnosticBag("m.wsdl"));

    [Fact]
    public void Extension_restriction_and_abstract_are_read_as_written()
    {
        var description = Read("""
            <xsd:complexType name="Shape" abstract="true"><xsd:sequence><xsd:element name="name" type="xsd:string"/></xsd:sequence></xsd:complexType>
            <xsd:complexType name="Circle"><xsd:complexContent><xsd:extension base="tns:Shape"><xsd:sequence><xsd:element name="r" type="xsd:double"/></xsd:sequence></xsd:extension></xsd:complexContent></xsd:complexType>
            <xsd:complexType name="Named"><xsd:complexContent><xsd:restriction base="tns:Shape"><xsd:sequence><xsd:element name="name" type="xsd:string"/></xsd:sequence></xsd:restriction></xsd:complexContent></xsd:complexType>
            """);

        Assert.True(Type(description, "Shape").IsAbstract);
        Assert.Equal((new QName(Tns, "Shape"), false), (Type(description, "Circle").BaseType!.Value, Type(description, "Circle").IsRestriction));
        Assert.True(Type(description, "Named").IsRestriction);

        var mapper = Mapper(description);
        Assert.Equal(new[] { "name", "r" }, mapper.AllMembers(Type(description, "Circle")).Select(m => m.Name));
        Assert.Equal(new[] { "name" }, mapper.AllMembers(Type(description, "Named")).Select(m => m.Name));
    }

    [Fact]
    public void Group_attribute_group_and_attribute_references_are_expanded_in_place()
    {
        var description = Read("""
            <xsd:attribute name="lang" type="xsd:language"/>
            <xsd:attributeGroup name="audit"><xsd:attribute name="by" type="xsd:string"/><xsd:attributeGroup ref="tns:more"/></xsd:attributeGroup>
            <xsd:attributeGroup name="more"><xsd:attribute name="at" type="xsd:dateTime"/></xsd:attributeGroup>
            <xsd:group name="names"><xsd:sequence><xsd:element name="first" type="xsd:string"/><xsd:group ref="tns:names"/></xsd:sequence></xsd:group>
            <xsd:complexType name="T">
              <xsd:sequence><xsd:element name="id" type="xsd:int"/><xsd:group ref="tns:names" minOccurs="0"/></xsd:sequence>
              <xsd:attributeGroup ref="tns:audit"/><xsd:attribute ref="tns:lang"/><xsd:attribute ref="xml:lang" xmlns:xml="http://www.w3.org/XML/1998/namespace"/>
            </xsd:complexType>
            """);

        var members = Type(description, "T").Members;
        Assert.Equal(new[] { "id", "first", "group", "by", "at", "lang", "lang" }, members.Select(m => m.Name));

        // The group's members are optional where the reference is; its reference to itself is cut and reported.
        Assert.Equal(0, members.Single(m => m.Name == "first").MinOccurs);
        Assert.NotNull(members.Single(m => m.Name == "group").UnsupportedReason);

        // A global attribute is qualified by its namespace; one nobody defines is a string.
        Assert.Equal((Tns, new QName(XmlNamespaces.Xsd, "language")), (members[5].Namespace, members[5].Type!.Value));
        Assert.Equal(("http://www.w3.org/XML/1998/namespace", new QName(XmlNamespaces.Xsd, "string")), (members[6].Namespace, members[6].Type!.Value));
    }

    [Fact]
    public void Wildcards_are_members_that_keep_what_nothing_else_matches()
    {
        var description = Read("""
            <xsd:complexType name="Open"><xsd:sequence><xsd:element name="a" type="xsd:string"/><xsd:any/></xsd:sequence><xsd:anyAttribute/></xsd:complexType>
            <xsd:complexType name="Whole"><xsd:sequence><xsd:any/></xsd:sequence></xsd:complexType>
            """);

        Assert.Equal(new[] { (false, false), (true, false), (true, true) }, Type(description, "Open").Members.Select(m => (m.IsWildcard, m.IsAttribute)));
        Assert.Equal(SchemaTypeKind.OpenContent, Type(description, "Whole").Kind);
    }

    [Fact]
    public void Soap_encoded_arrays_know_their_rank_and_arrays_of_arrays_their_inner_type()
    {
        var description = Read("""
            <xsd:complexType name="Grid"><xsd:complexContent><xsd:restriction base="soapenc:Array"><xsd:attribute ref="soapenc:arrayType" wsdl:arrayType="xsd:string[,]"/></xsd:restriction></xsd:complexContent></xsd:complexType>
            <xsd:complexType name="Jagged"><xsd:complexContent><xsd:restriction base="soapenc:Array"><xsd:attribute ref="soapenc:arrayType" wsdl:arrayType="xsd:int[][]"/></xsd:restriction></xsd:complexContent></xsd:complexType>
            <xsd:complexType name="Cube"><xsd:complexContent><xsd:restriction base="soapenc:Array"><xsd:attribute ref="soapenc:arrayType" wsdl:arrayType="xsd:string[,,]"/></xsd:restriction></xsd:complexContent></xsd:complexType>
            <xsd:complexType name="GridOfRows"><xsd:complexContent><xsd:restriction base="soapenc:Array"><xsd:attribute ref="soapenc:arrayType" wsdl:arrayType="xsd:int[][,]"/></xsd:restriction></xsd:complexContent></xsd:complexType>
            """);

        Assert.Equal((SchemaTypeKind.Array, 2), (Type(description, "Grid").Kind, Type(description, "Grid").Rank));
        var mapper = Mapper(description);
        var grid = mapper.Resolve(new QName(Tns, "Grid"), SourcePosition.Unknown, "test", TypeUsage.Read);
        var jagged = mapper.Resolve(new QName(Tns, "Jagged"), SourcePosition.Unknown, "test", TypeUsage.Read);
        Assert.Equal("string?[,]", grid.CSharpName);
        Assert.Equal("int?[]?[]", jagged.CSharpName);

        // Three dimensions and more are C# arrays of that rank; the outer rank specifier of an array of arrays comes first.
        var cube = mapper.Resolve(new QName(Tns, "Cube"), SourcePosition.Unknown, "test", TypeUsage.Read);
        Assert.Equal(("string?[,,]", 3, "ReadMultiDimensionalArray"), (cube.CSharpName, cube.Rank, cube.ReadMethod));
        var gridOfRows = mapper.Resolve(new QName(Tns, "GridOfRows"), SourcePosition.Unknown, "test", TypeUsage.Read);
        Assert.Equal(("int?[]?[,]", 2), (gridOfRows.CSharpName, gridOfRows.Rank));
    }

    [Fact]
    public void A_type_of_one_repeated_element_is_the_collection_itself_unless_wrappers_are_asked_for()
    {
        var description = Read("""
            <xsd:complexType name="Point"><xsd:sequence><xsd:element name="x" type="xsd:int"/></xsd:sequence></xsd:complexType>
            <xsd:complexType name="ArrayOfPoint"><xsd:sequence><xsd:element name="Point" type="tns:Point" minOccurs="0" maxOccurs="unbounded" nillable="true"/></xsd:sequence></xsd:complexType>
            <xsd:complexType name="ArrayOfInt"><xsd:sequence><xsd:element name="int" type="xsd:int" maxOccurs="unbounded"/></xsd:sequence></xsd:complexType>
            <xsd:complexType name="Tagged"><xsd:sequence><xsd:element name="tag" type="xsd:string" maxOccurs="unbounded"/></xsd:sequence><xsd:attribute name="by" type="xsd:string"/></xsd:complexType>
            <xsd:complexType name="Base"><xsd:sequence><xsd:element name="item" type="xsd:string" maxOccurs="unbounded"/></xsd:sequence></xsd:complexType>
            <xsd:complexType name="Derived"><xsd:complexContent><xsd:extension base="tns:Base"/></xsd:complexContent></xsd:complexType>
            """);
        TypeRef Resolve(SchemaTypeMapper mapper, string name) => mapper.Resolve(new QName(Tns, name), SourcePosition.Unknown, "test", TypeUsage.Write);

        var mapper = Mapper(description);
        var points = Resolve(mapper, "ArrayOfPoint");
        Assert.Equal((TypeRefKind.Array, "global::M.Point?[]", "Point", Tns, false), (points.Kind, points.CSharpName, points.ItemElement!.LocalName, points.ItemElement.Namespace, points.ItemElement.OmitWhenNull));
        Assert.Equal(TypeRefKind.Struct, points.Item!.Kind);
        var ints = Resolve(mapper, "ArrayOfInt");
        Assert.Equal(("int?[]", "int", true), (ints.CSharpName, ints.ItemElement!.LocalName, ints.ItemElement.OmitWhenNull));

        // An attribute besides the items, or a type others derive from, has more to say than its items: a record.
        Assert.Equal(TypeRefKind.Struct, Resolve(mapper, "Tagged").Kind);
        Assert.Equal(TypeRefKind.Struct, Resolve(mapper, "Base").Kind);

        // No record is emitted for a collection, only for its items.
        Assert.Equal(new[] { "Point", "Tagged", "Base", "Derived" }, mapper.BuildTypes().Select(t => t.Name));

        var wrappers = new SchemaTypeMapper(description.Types, description.Elements, "M", "MSerializer", new HashSet<string>(), new HashSet<string>(), new DiagnosticBag("m.wsdl"), collectionsAsArrays: false);
        Assert.Equal((TypeRefKind.Struct, "global::M.ArrayOfPoint"), (Resolve(wrappers, "ArrayOfPoint").Kind, Resolve(wrappers, "ArrayOfPoint").CSharpName));
    }

    [Fact]
    public void An_array_item_is_nullable_where_the_wire_can_carry_a_nil_item()
    {
        var description = Read("""
            <xsd:element name="note" type="xsd:string" nillable="true"/>
            <xsd:complexType name="NillableNames"><xsd:sequence><xsd:element name="name" type="xsd:string" maxOccurs="unbounded" nillable="true"/></xsd:sequence></xsd:complexType>
            <xsd:complexType name="Names"><xsd:sequence><xsd:element name="name" type="xsd:string" maxOccurs="unbounded"/></xsd:sequence></xsd:complexType>
            <xsd:complexType name="Counts"><xsd:sequence><xsd:element name="count" type="xsd:int" maxOccurs="unbounded"/></xsd:sequence></xsd:complexType>
            <xsd:complexType name="Log">
              <xsd:sequence>
                <xsd:element name="line" type="xsd:string" maxOccurs="unbounded" nillable="true"/>
                <xsd:element name="tag" type="xsd:string" maxOccurs="unbounded"/>
                <xsd:element ref="tns:note" maxOccurs="unbounded"/>
              </xsd:sequence>
              <xsd:attribute name="by" type="xsd:string"/>
            </xsd:complexType>
            <xsd:complexType name="EncodedNames"><xsd:complexContent><xsd:restriction base="soapenc:Array"><xsd:attribute ref="soapenc:arrayType" wsdl:arrayType="xsd:string[]"/></xsd:restriction></xsd:complexContent></xsd:complexType>
            """);
        var mapper = Mapper(description);
        TypeRef Resolve(string name) => mapper.Resolve(new QName(Tns, name), SourcePosition.Unknown, "test", TypeUsage.Read);

        // A collection's items are nullable when its item element is nillable: the reader then needs no '!'.
        var nillable = Resolve("NillableNames");
        Assert.Equal(("string?[]", "string?", true, false), (nillable.CSharpName, nillable.ItemName, nillable.NullableItems, nillable.ItemForgivesNull));
        var names = Resolve("Names");
        Assert.Equal(("string[]", "string", false, true), (names.CSharpName, names.ItemName, names.NullableItems, names.ItemForgivesNull));

        // A value-type item is nullable either way (a nil or empty number is not a zero).
        Assert.Equal(("int?[]", false), (Resolve("Counts").CSharpName, Resolve("Counts").ItemForgivesNull));

        // A repeated member of a record: the same rule, the nillable global element of a ref deciding for it.
        Resolve("Log");
        var log = mapper.BuildTypes().Single(t => t.Name == "Log").Members.Where(m => !m.IsAttribute).ToDictionary(m => m.LocalName);
        Assert.Equal(("string?", "string?[]?", false), (log["line"].ItemType, log["line"].NullableType, log["line"].ItemForgivesNull));
        Assert.Equal(("string", "string[]?", true), (log["tag"].ItemType, log["tag"].NullableType, log["tag"].ItemForgivesNull));
        Assert.Equal(("string?", "string?[]?"), (log["note"].ItemType, log["note"].NullableType));

        // SOAP encoding lets any item be nil (and a partial array leaves places empty): its items are always nullable.
        var encoded = Resolve("EncodedNames");
        Assert.Equal(("string?[]", true), (encoded.CSharpName, encoded.NullableItems));
    }

    [Fact]
    public void An_attribute_of_an_undefined_type_is_its_string_form_with_one_warning_that_says_so()
    {
        var description = Read("""
            <xsd:complexType name="Result"><xsd:sequence><xsd:element name="id" type="xsd:int"/></xsd:sequence><xsd:attribute name="level" type="tns:Missing" default="None"/></xsd:complexType>
            """);
        var diagnostics = new DiagnosticBag("m.wsdl");
        var mapper = new SchemaTypeMapper(description.Types, description.Elements, "M", "MSerializer", new HashSet<string>(), new HashSet<string>(), diagnostics);
        mapper.Resolve(new QName(Tns, "Result"), SourcePosition.Unknown, "test", TypeUsage.Read);

        // An attribute can only hold a simple value: it is kept as the text sent (with its default), not left out.
        var level = mapper.BuildTypes().Single().Members.Single(m => m.IsAttribute);
        Assert.Equal(("string", "None"), (level.Type.CSharpName, level.Default));
        var warning = Assert.Single(diagnostics.ToEquatableArray());
        Assert.Equal(("SOAPGEN003", "'Result.level' (an attribute) is a string"), (warning.Id, warning.Arguments[1]));
    }

    private const string Vehicles = """
        <xsd:complexType name="Vehicle"><xsd:sequence><xsd:element name="name" type="xsd:string"/></xsd:sequence></xsd:complexType>
        <xsd:complexType name="Car"><xsd:complexContent><xsd:extension base="tns:Vehicle"><xsd:sequence><xsd:element name="doors" type="xsd:int"/></xsd:sequence></xsd:extension></xsd:complexContent></xsd:complexType>
        <xsd:complexType name="SportsCar"><xsd:complexContent><xsd:extension base="tns:Car"><xsd:sequence><xsd:element name="top" type="xsd:int"/></xsd:sequence></xsd:extension></xsd:complexContent></xsd:complexType>
        <xsd:element name="vehicle" type="tns:Vehicle" abstract="true"/>
        <xsd:element name="car" type="tns:Car" substitutionGroup="tns:vehicle"/>
        <xsd:element name="sportsCar" type="tns:SportsCar" substitutionGroup="tns:car"/>
        <xsd:element name="bike" substitutionGroup="tns:vehicle"/>
        <xsd:complexType name="Garage"><xsd:sequence><xsd:element ref="tns:vehicle" maxOccurs="unbounded"/></xsd:sequence></xsd:complexType>
        """;

    [Fact]
    public void Substitution_groups_and_abstract_heads_are_read_from_the_global_elements()
    {
        var description = Read(Vehicles);

        var elements = description.Elements.ToDictionary(e => e.Name.Name);
        Assert.Equal((null, true), (elements["vehicle"].SubstitutionGroup, elements["vehicle"].IsAbstract));
        Assert.Equal((new QName(Tns, "vehicle"), false), (elements["car"].SubstitutionGroup!.Value, elements["car"].IsAbstract));
        Assert.Equal(new QName(Tns, "car"), elements["sportsCar"].SubstitutionGroup!.Value);
        Assert.Null(elements["bike"].Type);
    }

    [Fact]
    public void A_member_referencing_a_head_knows_every_member_of_its_group_most_derived_first()
    {
        var description = Read(Vehicles);
        var mapper = Mapper(description);
        mapper.Resolve(new QName(Tns, "Garage"), SourcePosition.Unknown, "test", TypeUsage.Write);
        var types = mapper.BuildTypes();

        // The head's type stays the member's type; its group (through car, transitively; bike without a type of its own
        // has the head's) are elements of their own types, the abstract head itself is not one of them.
        var vehicle = types.Single(t => t.Name == "Garage").Members.Single();
        Assert.Equal(("vehicle", "global::M.Vehicle", true), (vehicle.LocalName, vehicle.Type.CSharpName, vehicle.Repeated));
        Assert.Equal(new[] { ("sportsCar", "global::M.SportsCar"), ("car", "global::M.Car"), ("bike", "global::M.Vehicle") },
            vehicle.Substitutes.Select(s => (s.LocalName, s.Type.CSharpName)));
        Assert.All(vehicle.Substitutes, s => Assert.Equal(Tns, s.Namespace));

        // A value is written as the element of its own type; one of the head's type as the head (bike adds no type).
        Assert.Equal(new[] { "sportsCar", "car" }, vehicle.WrittenSubstitutes.Select(s => s.LocalName));

        // The member types are written too, each a record.
        Assert.Contains(types, t => t.Name == "SportsCar" && t.NeedsWriter);
    }

    [Fact]
    public void A_head_in_another_schema_gathers_the_members_that_name_it()
    {
        var wsdl = """
            <definitions xmlns="http://schemas.xmlsoap.org/wsdl/" xmlns:xsd="http://www.w3.org/2001/XMLSchema"
                         xmlns:a="urn:a" xmlns:tns="urn:m" targetNamespace="urn:m">
              <types>
                <xsd:schema targetNamespace="urn:a" elementFormDefault="qualified">
                  <xsd:complexType name="Vehicle"><xsd:sequence><xsd:element name="name" type="xsd:string"/></xsd:sequence></xsd:complexType>
                  <xsd:element name="vehicle" type="a:Vehicle" abstract="true"/>
                  <xsd:complexType name="Garage"><xsd:sequence><xsd:element ref="a:vehicle"/><xsd:element name="owner" type="xsd:string"/></xsd:sequence></xsd:complexType>
                </xsd:schema>
                <xsd:schema targetNamespace="urn:m" elementFormDefault="qualified">
                  <xsd:import namespace="urn:a"/>
                  <xsd:complexType name="Car"><xsd:complexContent><xsd:extension base="a:Vehicle"><xsd:sequence><xsd:element name="doors" type="xsd:int"/></xsd:sequence></xsd:extension></xsd:complexContent></xsd:complexType>
                  <xsd:element name="car" type="tns:Car" substitutionGroup="a:vehicle"/>
                </xsd:schema>
              </types>
            </definitions>
            """;
        var result = WsdlReader.Read("m.wsdl", wsdl);
        Assert.Empty(result.Diagnostics);
        var description = result.Description!;
        var mapper = Mapper(description);
        mapper.Resolve(new QName("urn:a", "Garage"), SourcePosition.Unknown, "test", TypeUsage.Read);

        var vehicle = mapper.BuildTypes().Single(t => t.Name == "Garage").Members.First();
        var car = Assert.Single(vehicle.Substitutes);
        Assert.Equal(("car", "urn:m", "global::M.Car"), (car.LocalName, car.Namespace, car.Type.CSharpName));
    }

    [Fact]
    public void A_heads_block_and_final_keep_the_members_they_name_out_of_its_group()
    {
        var description = Read("""
            <xsd:complexType name="Base"><xsd:sequence><xsd:element name="n" type="xsd:string"/></xsd:sequence></xsd:complexType>
            <xsd:complexType name="Ext"><xsd:complexContent><xsd:extension base="tns:Base"><xsd:sequence><xsd:element name="e" type="xsd:int"/></xsd:sequence></xsd:extension></xsd:complexContent></xsd:complexType>
            <xsd:complexType name="Narrow"><xsd:complexContent><xsd:restriction base="tns:Base"><xsd:sequence><xsd:element name="n" type="xsd:string"/></xsd:sequence></xsd:restriction></xsd:complexContent></xsd:complexType>
            <xsd:complexType name="ExtOfNarrow"><xsd:complexContent><xsd:extension base="tns:Narrow"><xsd:sequence><xsd:element name="x" type="xsd:int"/></xsd:sequence></xsd:extension></xsd:complexContent></xsd:complexType>
            <xsd:element name="h1" type="tns:Base" block="substitution"/>
            <xsd:element name="h2" type="tns:Base" final="restriction"/>
            <xsd:element name="h3" type="tns:Base" block="extension"/>
            <xsd:element name="h4" type="tns:Base" final="#all"/>
            <xsd:element name="h5" type="tns:Base"/>
            """ + string.Concat(new[] { "h1", "h2", "h3", "h4", "h5" }.Select(h => $"""
            <xsd:element name="{h}Ext" type="tns:Ext" substitutionGroup="tns:{h}"/>
            <xsd:element name="{h}Narrow" type="tns:Narrow" substitutionGroup="tns:{h}"/>
            <xsd:element name="{h}Mixed" type="tns:ExtOfNarrow" substitutionGroup="tns:{h}"/>
            <xsd:element name="{h}Same" substitutionGroup="tns:{h}"/>
            """)) + """
            <xsd:complexType name="Holder"><xsd:sequence>
              <xsd:element ref="tns:h1"/><xsd:element ref="tns:h2"/><xsd:element ref="tns:h3"/><xsd:element ref="tns:h4"/><xsd:element ref="tns:h5"/>
            </xsd:sequence></xsd:complexType>
            """);

        var elements = description.Elements.ToDictionary(e => e.Name.Name);
        Assert.Equal(new[] { Derivations.Substitution, Derivations.Restriction, Derivations.Extension, Derivations.Extension | Derivations.Restriction, Derivations.None },
            new[] { "h1", "h2", "h3", "h4", "h5" }.Select(h => elements[h].Blocked));

        var mapper = Mapper(description);
        mapper.Resolve(new QName(Tns, "Holder"), SourcePosition.Unknown, "test", TypeUsage.Read);
        var heads = mapper.BuildTypes().Single(t => t.Name == "Holder").Members.ToDictionary(m => m.LocalName, m => m.Substitutes.Select(s => s.LocalName).OrderBy(n => n).ToArray());

        // block="substitution": none; a derivation method named: every member whose type took that step on the way to the head's.
        Assert.Empty(heads["h1"]);
        Assert.Equal(new[] { "h2Ext", "h2Same" }, heads["h2"]);
        Assert.Equal(new[] { "h3Narrow", "h3Same" }, heads["h3"]);
        Assert.Equal(new[] { "h4Same" }, heads["h4"]);
        Assert.Equal(new[] { "h5Ext", "h5Mixed", "h5Narrow", "h5Same" }, heads["h5"]);
    }

    [Fact]
    public void A_group_member_whose_type_the_head_cannot_hold_is_reported_and_left_out()
    {
        var description = Read(Vehicles + """
            <xsd:element name="horse" type="xsd:string" substitutionGroup="tns:vehicle"/>
            <xsd:element name="a" type="tns:Car" substitutionGroup="tns:b"/>
            <xsd:element name="b" type="tns:Car" substitutionGroup="tns:a"/>
            <xsd:complexType name="Cycle"><xsd:sequence><xsd:element ref="tns:a"/></xsd:sequence></xsd:complexType>
            """);
        var diagnostics = new DiagnosticBag("m.wsdl");
        var mapper = new SchemaTypeMapper(description.Types, description.Elements, "M", "MSerializer", new HashSet<string>(), new HashSet<string>(), diagnostics);
        mapper.Resolve(new QName(Tns, "Garage"), SourcePosition.Unknown, "test", TypeUsage.Read);
        mapper.Resolve(new QName(Tns, "Cycle"), SourcePosition.Unknown, "test", TypeUsage.Read);
        var types = mapper.BuildTypes();

        var vehicle = types.Single(t => t.Name == "Garage").Members.Single();
        Assert.DoesNotContain(vehicle.Substitutes, s => s.LocalName == "horse");
        var warning = Assert.Single(diagnostics.ToEquatableArray());
        Assert.Equal(("SOAPGEN004", true), (warning.Id, warning.Arguments[0].Contains("'horse'")));

        // Groups that contain each other end: a's group is b (whose group is a again).
        Assert.Equal(new[] { "b" }, types.Single(t => t.Name == "Cycle").Members.Single().Substitutes.Select(s => s.LocalName));
    }

    [Fact]
    public void A_choice_is_checked_as_exactly_one_or_at_most_one_of_its_alternatives()
    {
        var description = Read("""
            <xsd:complexType name="T">
              <xsd:sequence>
                <xsd:choice><xsd:element name="a" type="xsd:string"/><xsd:element name="b" type="xsd:int"/></xsd:choice>
                <xsd:choice minOccurs="0"><xsd:element name="c" type="xsd:string"/><xsd:element name="d" type="xsd:string"/></xsd:choice>
                <xsd:choice maxOccurs="unbounded"><xsd:element name="e" type="xsd:string"/><xsd:element name="f" type="xsd:string"/></xsd:choice>
                <xsd:choice><xsd:element name="g" type="xsd:string"/><xsd:sequence><xsd:element name="h" type="xsd:string"/><xsd:element name="i" type="xsd:string"/></xsd:sequence></xsd:choice>
                <xsd:choice><xsd:element name="j" type="xsd:string"/><xsd:element name="k" type="xsd:string" minOccurs="0"/></xsd:choice>
                <xsd:choice><xsd:element name="l" type="xsd:string"/><xsd:any/></xsd:choice>
              </xsd:sequence>
            </xsd:complexType>
            """);

        var members = Type(description, "T").Members.Where(m => !m.IsWildcard).ToDictionary(m => m.Name);
        Assert.True(members["a"].Choices.Single().Choice.Required);
        Assert.Equal(members["a"].Choices.Single().Choice, members["b"].Choices.Single().Choice);
        Assert.Equal((0, 1), (members["a"].Choices.Single().Alternative, members["b"].Choices.Single().Alternative));
        Assert.False(members["c"].Choices.Single().Choice.Required);
        Assert.NotEqual(members["a"].Choices.Single().Choice, members["c"].Choices.Single().Choice);

        // A sequence is one alternative, all its elements in it; an alternative that may be empty makes the choice "at
        // most one"; a choice with xsd:any among its alternatives is not checked.
        Assert.Equal(new[] { 0, 1, 1 }, new[] { "g", "h", "i" }.Select(n => members[n].Choices.Single().Alternative));
        Assert.True(members["h"].Choices.Single().Choice.Required);
        Assert.False(members["j"].Choices.Single().Choice.Required);
        Assert.Empty(members["l"].Choices);
        Assert.All(members.Values, m => Assert.Equal(0, m.MinOccurs));

        // The repeated choice is one member whose items are its alternatives.
        Assert.Equal(new[] { "a", "b", "c", "d", "Items", "g", "h", "i", "j", "k", "l" }, members.Keys);
        Assert.Equal(new[] { "e", "f" }, members["Items"].Alternatives.Select(a => a.Name));
        Assert.True(members["Items"].Repeated);

        var mapper = Mapper(description);
        mapper.Resolve(new QName(Tns, "T"), SourcePosition.Unknown, "test", TypeUsage.Write);
        var type = Assert.Single(mapper.BuildTypes());
        Assert.Equal(new[] { ("A,B", true), ("C,D", false), ("G,H/I", true), ("J,K", false) },
            type.Choices.Select(c => (string.Join(",", c.Alternatives.Select(a => string.Join("/", a.Members))), c.Required)));
        var items = type.Members.Single(m => m.Name == "Items");
        Assert.Equal((TypeRefKind.Choice, "global::M.TItem", "T[]?"), (items.Type.Kind, items.Type.CSharpName, items.NullableType.Replace("global::M.TItem", "T")));
        Assert.Equal(new[] { ("E", "e", "string"), ("F", "f", "string") }, items.Type.Alternatives.Select(a => (a.Name, a.LocalName, a.Type.CSharpName)));
    }

    [Fact]
    public void Every_element_inside_a_repeated_particle_is_a_case_of_its_items_however_deep()
    {
        // (x, (a|b), (y), G)*: each repetition brings one x, one a or b, one y and one z, and the items keep that order.
        var description = Read("""
            <xsd:group name="G"><xsd:sequence><xsd:element name="z" type="xsd:string"/></xsd:sequence></xsd:group>
            <xsd:complexType name="T">
              <xsd:sequence maxOccurs="unbounded">
                <xsd:element name="x" type="xsd:string"/>
                <xsd:choice><xsd:element name="a" type="xsd:string"/><xsd:element name="b" type="xsd:int"/></xsd:choice>
                <xsd:sequence><xsd:element name="y" type="xsd:int" maxOccurs="3"/></xsd:sequence>
                <xsd:group ref="tns:G"/>
                <xsd:element name="x" type="xsd:string"/>
              </xsd:sequence>
            </xsd:complexType>
            <xsd:complexType name="U">
              <xsd:sequence maxOccurs="unbounded">
                <xsd:element name="p" type="xsd:string"/>
                <xsd:any/>
              </xsd:sequence>
            </xsd:complexType>
            """);

        var items = Assert.Single(Type(description, "T").Members);
        Assert.Equal(("Items", true, 0), (items.Name, items.Repeated, items.MinOccurs));
        Assert.Equal(new[] { "x", "a", "b", "y", "z" }, items.Alternatives.Select(a => a.Name));
        Assert.All(items.Alternatives, a => Assert.False(a.Repeated));

        // A repeated particle holding xsd:any keeps members of their own.
        Assert.Equal(new[] { "p", "Any" }, Type(description, "U").Members.Select(m => m.Name));

        var mapper = Mapper(description);
        mapper.Resolve(new QName(Tns, "T"), SourcePosition.Unknown, "test", TypeUsage.Read);
        var type = Assert.Single(mapper.BuildTypes());
        var member = Assert.Single(type.Members);
        Assert.Equal(TypeRefKind.Choice, member.Type.Kind);
        Assert.Equal(new[] { "X:string", "A:string", "B:int", "Y:int", "Z:string" }, member.Type.Alternatives.Select(a => a.Name + ":" + a.Type.CSharpName));
        Assert.Empty(type.Choices);
    }

    [Fact]
    public void Default_and_fixed_values_are_kept_for_values_the_model_can_hold()
    {
        var description = Read("""
            <xsd:attribute name="v" type="xsd:int" fixed="2"/>
            <xsd:complexType name="T">
              <xsd:sequence>
                <xsd:element name="n" type="xsd:int" minOccurs="0" default="1"/>
                <xsd:element name="s" type="xsd:string" minOccurs="0" fixed="x"/>
                <xsd:element name="q" type="xsd:QName" minOccurs="0" default="a:b"/>
                <xsd:element name="r" type="xsd:int" minOccurs="0" maxOccurs="unbounded" default="3"/>
              </xsd:sequence>
              <xsd:attribute ref="tns:v"/>
              <xsd:attribute name="u" type="xsd:string" default="kg"/>
            </xsd:complexType>
            """);

        var members = Type(description, "T").Members.ToDictionary(m => m.Name);
        Assert.Equal(("1", false), (members["n"].DefaultValue, members["n"].IsFixed));
        Assert.Equal(("x", true), (members["s"].DefaultValue, members["s"].IsFixed));
        Assert.Equal(("2", true), (members["v"].DefaultValue, members["v"].IsFixed));

        var mapper = Mapper(description);
        mapper.Resolve(new QName(Tns, "T"), SourcePosition.Unknown, "test", TypeUsage.Read);
        var model = Assert.Single(mapper.BuildTypes()).Members.ToDictionary(m => m.LocalName);
        Assert.Equal(new (string, string?, bool)[] { ("n", "1", false), ("s", "x", true), ("q", null, false), ("r", null, false), ("v", "2", true), ("u", "kg", false) },
            model.Values.Select(m => (m.LocalName, m.Default, m.IsFixed)));
    }

    [Fact]
    public void String_enumerations_become_enums_and_numeric_ones_keep_their_base()
    {
        var description = Read("""
            <xsd:simpleType name="Color"><xsd:restriction base="xsd:token"><xsd:enumeration value="dark-blue"/><xsd:enumeration value="1"/><xsd:enumeration value="+"/></xsd:restriction></xsd:simpleType>
            <xsd:simpleType name="Level"><xsd:restriction base="xsd:int"><xsd:enumeration value="1"/><xsd:enumeration value="2"/></xsd:restriction></xsd:simpleType>
            <xsd:element name="Uses"><xsd:complexType><xsd:sequence><xsd:element name="c" type="tns:Color"/><xsd:element name="l" type="tns:Level"/></xsd:sequence></xsd:complexType></xsd:element>
            """);

        var mapper = Mapper(description);
        var color = mapper.Resolve(new QName(Tns, "Color"), SourcePosition.Unknown, "test", TypeUsage.Read);
        var level = mapper.Resolve(new QName(Tns, "Level"), SourcePosition.Unknown, "test", TypeUsage.Read);
        Assert.Equal((TypeRefKind.Enum, "global::M.Color"), (color.Kind, color.CSharpName));
        Assert.Equal((TypeRefKind.Scalar, ScalarKind.Int32), (level.Kind, level.Scalar));

        var model = Assert.Single(mapper.BuildEnums());
        Assert.Equal(new[] { ("DarkBlue", "dark-blue"), ("_1", "1"), ("Value3", "+") }, model.Members.Select(m => (m.Name, m.Value)));
    }

    [Theory]
    [InlineData("unsignedShort", "UInt16", "ushort", null)]
    [InlineData("integer", "Integer", "global::System.Numerics.BigInteger", null)]
    [InlineData("positiveInteger", "Integer", "global::System.Numerics.BigInteger", "positiveInteger")]
    [InlineData("token", "String", "string", "token")]
    [InlineData("date", "Date", "global::System.DateOnly", null)]
    [InlineData("hexBinary", "HexBinary", "byte[]", null)]
    [InlineData("QName", "QName", "global::System.Xml.XmlQualifiedName", null)]
    public void Each_built_in_type_has_its_kind_its_dotnet_type_and_its_wire_name(string xsd, string kind, string csharp, string? xsdTypeArgument)
    {
        var type = XsdScalarTypes.Find(new QName(XmlNamespaces.Xsd, xsd))!;
        Assert.Equal((kind, csharp, xsd, xsdTypeArgument), (type.Scalar.ToString(), type.CSharpName, type.XmlName, type.XsdTypeArgument));
    }

    [Fact]
    public void A_base_chain_that_loops_is_cut_and_descendants_come_deepest_first()
    {
        var description = Read("""
            <xsd:complexType name="A"><xsd:complexContent><xsd:extension base="tns:B"/></xsd:complexContent></xsd:complexType>
            <xsd:complexType name="B"><xsd:complexContent><xsd:extension base="tns:A"/></xsd:complexContent></xsd:complexType>
            <xsd:complexType name="Root"><xsd:sequence><xsd:element name="x" type="xsd:int"/></xsd:sequence></xsd:complexType>
            <xsd:complexType name="Mid"><xsd:complexContent><xsd:extension base="tns:Root"/></xsd:complexContent></xsd:complexType>
            <xsd:complexType name="Leaf"><xsd:complexContent><xsd:extension base="tns:Mid"/></xsd:complexContent></xsd:complexType>
            """);

        var hierarchy = new TypeHierarchy(description.Types.ToDictionary(t => t.Name));
        Assert.True(hierarchy.Ancestors(Type(description, "A")).Count() <= 1);
        Assert.Equal(new[] { "Leaf", "Mid" }, hierarchy.Descendants(Type(description, "Root")).Select(t => t.Name.Name));
        Assert.Equal(new[] { "Mid", "Root" }, hierarchy.Ancestors(Type(description, "Leaf")).Select(t => t.Name.Name));
    }
}
