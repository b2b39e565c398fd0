/// Cell comments as Excel stores them: the texts in `xl/commentsN.xml`, and a VML drawing
/// with one hidden note shape per comment, which Excel needs to show them (LibreOffice and
/// openpyxl read the texts alone).
enum CommentsXML {
  typealias Comment = (column: Int, row: Int, text: String)

  static func comments(_ comments: [Comment]) -> String {
    var xml =
      WorkbookXLSX.declaration
      + #"<comments xmlns="\#(WorkbookXLSX.main)"><authors><author>文书</author></authors><commentList>"#
    for c in comments {
      xml +=
        #"<comment ref="\#(CellName.column(c.column))\#(c.row)" authorId="0"><text><t xml:space="preserve">\#(XMLText.escape(c.text))</t></text></comment>"#
    }
    return xml + "</commentList></comments>"
  }

  static func drawing(_ comments: [Comment], sheet: Int) -> String {
    var xml =
      #"<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">"#
      + #"<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="\#(sheet)"/></o:shapelayout>"#
      + #"<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe">"#
      + #"<v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>"#
    for (i, c) in comments.enumerated() {
      let id = sheet * 1024 + i + 1
      xml +=
        ##"<v:shape id="_x0000_s\##(id)" type="#_x0000_t202" style="position:absolute;margin-left:80pt;margin-top:2pt;width:180pt;height:60pt;z-index:\##(i + 1);visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">"##
        + ##"<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/>"##
        + #"<v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>"#
        + #"<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/>"#
        + #"<x:Anchor>\#(c.column + 1), 15, \#(c.row - 1), 2, \#(c.column + 4), 15, \#(c.row + 3), 4</x:Anchor>"#
        + #"<x:AutoFill>False</x:AutoFill><x:Row>\#(c.row - 1)</x:Row><x:Column>\#(c.column)</x:Column></x:ClientData></v:shape>"#
    }
    return xml + "</xml>"
  }
}
